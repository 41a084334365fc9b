"""Publishing: a strict build into a temporary folder, a link check, and the swap into site/."""
