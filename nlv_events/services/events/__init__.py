"""Events themselves: listings, copies to another year, venue clashes, the venue list."""
