# Stripped cgo and externally linked builds, where Go's text does not start
# where .text starts (C start-up code comes first): the functions listed
# from .gopclntab are at the right addresses, so probes on main.* fire,
# once per call. Go 1.26+ leaves the pclntab header's textStart 0 (found
# through the module data); the PIE one also needs relocation.
needs: cgo-stripped cgo-stripped-go1.26 cgo-stripped-go1.27 basic-pie-ext-stripped
--- script
for b in cgo-stripped cgo-stripped-go1.26 cgo-stripped-go1.27; do
	$GOTRACE -v -l "uprobe:$GOBINS/$b:main.sum" | head -1 | sed "s|$GOBINS/||g; s/\(go1\.[0-9]*\)\.[0-9]*,/\1,/"
	$GOTRACE -q -e 'uprobe:'$GOBINS/$b':main.* { @[func] = count(); }' -c $GOBINS/$b | grep '^@' | sort
done
b=basic-pie-ext-stripped
$GOTRACE -v -l "uprobe:$GOBINS/$b:main.sum" | head -1 | sed "s|$GOBINS/||g; s/\(go1\.[0-9]*\)\.[0-9]*,/\1,/"
$GOTRACE -q -e 'uprobe:'$GOBINS/$b':main.sum, uprobe:'$GOBINS/$b':main.deep { @[func] = count(); }' -c $GOBINS/$b | grep '^@' | sort
--- stdout
# cgo-stripped: go1.19, go-register ABI, functions from pclntab
@[main._Cfunc_cadd]: 1
@[main.main]: 1
@[main.sum]: 1
# cgo-stripped-go1.26: go1.26, go-register ABI, functions from pclntab
@[main._Cfunc_cadd]: 1
@[main.main]: 1
@[main.sum]: 1
# cgo-stripped-go1.27: go1.27, go-register ABI, functions from pclntab
@[main._Cfunc_cadd]: 1
@[main.main]: 1
@[main.sum]: 1
# basic-pie-ext-stripped: go1.19, go-register ABI, functions from pclntab
@[main.deep]: 3
@[main.sum]: 1
