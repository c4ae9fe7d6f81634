"""Windows installer, PyInstaller spec and the headless self-test of a built app."""
