"""The blueprints of the linked-data face: one per concern."""
