"""Guests of an event: the guest list, its import, invitations, name cards and the reception list."""
