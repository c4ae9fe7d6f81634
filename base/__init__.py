"""The base every other package stands on: the user-facing error root, the
installation's folders, shipped resources, the cancel/progress protocols and
the one retry backoff policy.  It imports nothing of ours, so the client, the
signing and upload domains and the reference server can all share it."""
