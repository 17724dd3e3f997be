"""The `stratege` command line."""
