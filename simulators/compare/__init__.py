"""Denmark vs Germany as data: indicators, headline cards, life-event journeys."""
