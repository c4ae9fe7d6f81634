"""Case files and the agency archive (lập hồ sơ, nộp lưu; Decree 30/2020 Chapter IV): the year's
file list, case files and their documents (linked, never copied), closing, transfer to the
archive and its acceptance, the archive's queues and search. ``service`` and ``flows`` are what
the routes (``views``, ``list_views``) — and later the command line and the exports — call;
``access`` says who sees a file and which of its documents."""
