"""Pure logic of the payments domain (no ipywidgets): VietQR, money, QR images, scenarios."""
