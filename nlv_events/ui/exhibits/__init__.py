"""The editor's Exhibition tab: the tree, the item form, loans and the catalogue import."""
