"""Værktøjer, der ikke er en del af pakken ved kørsel: testserver, fuzz, belastning, eksempler, sikker YAML-testkørsel."""
