"""The synthetic population: CPR, citizens, households, occupations, personas, life histories."""
