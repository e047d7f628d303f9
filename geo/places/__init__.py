"""Places: the gazetteer and its sources, word lists, phonetic keys, recognition, relative locations,
resolution and geocoders."""
