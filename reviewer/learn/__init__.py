"""Learning and measuring the labels: the labelled corpus, `reviewer eval` and `reviewer train`."""
