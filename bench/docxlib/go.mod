module docxlib

go 1.26.8

require github.com/nguyenthenguyen/docx v0.0.0-20230621112118-9c8e795a11db
