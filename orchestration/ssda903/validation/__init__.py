"""DfE SSDA903 validation: every rule as one SQL file in rules/, run over one collection year's return."""
