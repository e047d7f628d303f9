"""Reading articles: files to text, page furniture, sentences, and the folding every matcher uses."""
