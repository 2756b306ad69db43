"""Digital Post: letter templates, the postbox, composing, views, life letters, PDFs."""
