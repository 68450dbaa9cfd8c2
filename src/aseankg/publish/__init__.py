"""The dataset as files for others: the dumps and the JSON-LD context they use."""
