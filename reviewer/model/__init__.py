"""The trained sentence-label model shipped with the package (labels.npz) and how it is read."""
