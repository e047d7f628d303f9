"""The presenter's logic, free of Streamlit: navigation, cards, editing, uploads, translations."""
