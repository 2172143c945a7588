"""The public events calendar: a static website (pages, an .ics feed, an Atom feed) the webmaster copies to any
web server. Only events the office publishes (vocab.is_public), and of them only what is public."""
