"""The register of outgoing documents in the window: the Sổ văn bản view."""
