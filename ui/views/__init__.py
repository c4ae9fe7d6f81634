"""Screens of the application, one module each."""
