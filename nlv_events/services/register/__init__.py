"""The register of outgoing documents (sổ đăng ký văn bản đi): numbers taken atomically, entries, the register's
listing, printout and workbook."""
