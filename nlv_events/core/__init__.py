"""The event store: models, database binding, migrations, rules, queries and text handling (no Qt)."""
