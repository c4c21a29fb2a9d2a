"""The kennisbank's own views (its pages serve themselves), one module per part."""
