"""Importing past years' event lists (Excel, CSV, Word): sources reads the file's tables, columns tells what each
column means and reads its cells, rows reads a table's sections, subtotals and events, plan previews and stores."""
