"""The DfE SSDA903 return: its layouts, its files (CSV set and EXPSSDA903 XML), the export of a collection year's
return from the marts, and earlier returns loaded back in as input."""
