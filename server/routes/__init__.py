"""HTTP routes of the document server, one module per resource."""
