"""PySide6 desktop application: a thin layer of views and background workers
over ``client``, ``signing`` and ``sync``.  The only package that imports Qt."""
