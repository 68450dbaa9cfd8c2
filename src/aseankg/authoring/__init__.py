"""Tools for people adding articles: finding entities by name, and the Turtle of a
new article or story.
"""
