"""Running the server as a province does: health, metrics, several worker processes."""
