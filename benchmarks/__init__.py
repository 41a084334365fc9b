"""Build benchmark: synthetic content at several sizes, our build against stock Material. Never imported by the site."""
