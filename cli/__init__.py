"""The command line (``vanthu`` / ``main.py``): one module per area, each a
thin caller of the service layer.  A module exposes ``register(subparsers)``;
every subcommand sets ``func(args) -> int``.  No orchestration lives here:
the command line only reads arguments and secrets and prints results."""
