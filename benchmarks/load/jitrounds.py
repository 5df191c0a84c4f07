# The engine's JIT compiler threads' CPU in each stretch of a checkout-ab.sh run (warm-up, then each measured round),
# from jitwatch.sh's samples: per side, the stretches in which its engine used CPU, their engine CPU and JIT CPU (ms),
# and per round the JIT ms per checkout (the stretch includes the driver's 5 s warm-up, so this is a little high).
# Usage: python3 benchmarks/load/jitrounds.py jit.tsv $OUT/rounds.tsv
import collections, sys
rows=[l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
rounds=[l.rstrip('\n').split('\t') for l in open(sys.argv[2])][1:]
by=collections.defaultdict(list)
for t,d,tot,jit,load in rows:
    try: by[d.rsplit('/',1)[-1]].append((int(t),int(tot),int(jit)))
    except ValueError: pass
for side,v in sorted(by.items()):
    segs=[]; cur=None
    for a,b in zip(v,v[1:]):
        active=(b[1]-a[1])>=50   # >= 0.5 s CPU in ~5 s
        if active:
            if cur is None: cur=[a,b]
            else: cur[1]=b
        elif cur is not None:
            segs.append(cur); cur=None
    if cur: segs.append(cur)
    segs=[s for s in segs if s[1][0]-s[0][0] >= 10]   # drop the engine's start
    while len(segs) > 1 and segs[1][1][0]-segs[1][0][0] > segs[0][1][0]-segs[0][0][0]:
        segs=segs[1:]   # the warm-up is the long stretch before the rounds
    mine=[r for r in rounds if r[1]==side]
    print(side)
    for i,(a,b) in enumerate(segs):
        tot=(b[1]-a[1])*10; jit=(b[2]-a[2])*10
        label="warm-up" if i==0 else "round %d"%i
        line="  %-8s %4d s  engine CPU %6.0f ms, JIT %6.0f ms (%2.0f%%)"%(label,b[0]-a[0],tot,jit,100*jit/max(1,tot))
        if 0<i<=len(mine):
            n=int(mine[i-1][9]); line+="  %d checkouts: JIT %.2f ms per checkout (engine %s)"%(n,jit/n,mine[i-1][6])
        print(line)
