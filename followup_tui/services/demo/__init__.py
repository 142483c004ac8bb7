"""The throwaway sample data behind `followup --demo`."""
