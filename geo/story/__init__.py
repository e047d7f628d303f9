"""The story: the traveller, each mention's role, the dated stops in route order, and the story.json document."""
