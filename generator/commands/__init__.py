"""Floor 6, commands: the command line and the preview server."""
