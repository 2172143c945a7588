"""NLV Events: the public events of the National Library of Vietnam, planned, recorded and reported."""

__version__ = "0.1.0"
APP_NAME = "NLV Events"
ORGANISATION_NAME = "TVQG"
