#!/usr/bin/python3
"""Builds the embedded faces in this folder from Liberation Serif 2.x.

Run by hand (not by the build or CI) when the character set changes:

    apt-get install fonts-liberation2 python3-fonttools
    /usr/bin/python3 fonts/build.py

It keeps only the glyphs a Vietnamese administrative paper needs (see
charset.txt), drops hinting and layout tables, and renames the family to
"Thidua Serif": the SIL Open Font License reserves the name "Liberation"
for the unmodified fonts. Advance widths are untouched, so the faces keep
the metrics of Times New Roman that Word and LibreOffice lay out with.
"""
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SRC = "/usr/share/fonts/truetype/liberation2"
HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}


def main():
    with open(os.path.join(HERE, "charset.txt"), encoding="utf-8") as f:
        text = "".join(line.rstrip("\n") for line in f if not line.startswith("#"))
    for style, label in STYLES.items():
        src = os.path.join(SRC, "LiberationSerif-%s.ttf" % style)
        font = TTFont(src)
        cmap = font.getBestCmap()
        missing = [c for c in text if ord(c) not in cmap]
        if missing:
            sys.exit("%s lacks %r" % (src, missing))
        opts = subset.Options()
        opts.layout_features = []
        opts.hinting = False
        opts.glyph_names = True
        opts.name_IDs = ["*"]
        opts.name_languages = [0x409]
        opts.notdef_outline = True
        s = subset.Subsetter(opts)
        s.populate(text=text)
        s.subset(font)
        for tag in ("FFTM", "DSIG", "gasp", "kern", "GPOS", "GSUB", "GDEF"):
            if tag in font:
                del font[tag]
        name = font["name"]
        ps = "ThiduaSerif-" + style
        for rec in list(name.names):
            if rec.nameID in (1, 16):
                rec.string = "Thidua Serif"
            elif rec.nameID in (2, 17):
                rec.string = label
            elif rec.nameID == 3:
                rec.string = ps + " (from Liberation Serif 2.1.5)"
            elif rec.nameID == 4:
                rec.string = "Thidua Serif " + label if label != "Regular" else "Thidua Serif"
            elif rec.nameID == 6:
                rec.string = ps
        font["head"].created = font["head"].modified = 0
        out = os.path.join(HERE, ps + ".ttf")
        font.save(out)
        print(out, os.path.getsize(out), "bytes,", len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    main()
