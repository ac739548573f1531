"""The facilitators' jobs at a table: sign-in, ideas, dots, the ten best and concepts."""
