"""The people who write the stories: profiles with their pages' facts. It knows of the image
library (an author's photo) and of nothing built on it; stories credit authors."""
