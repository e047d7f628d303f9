"""Outputs rendered from a story document: the map page, GeoJSON and the other exports, written atomically."""
