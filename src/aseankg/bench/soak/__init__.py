"""``aseankg bench soak``: a bounded hostile soak test of a real server on 127.0.0.1."""
