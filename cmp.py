import json, subprocess, sys
BIN={"new":"/work/main/build/cli/tkg","old":"/tmp/review4/old/build/cli/tkg"}
def run(b, text, fast):
    p = subprocess.run([BIN[b],"extract"]+(["--fast"] if fast else []), input=json.dumps({"id":"x","text":text,"date":"2023-03-10"}), capture_output=True, text=True)
    r=json.loads(p.stdout.splitlines()[0]); out=[]
    for c in r["claims"]:
        sp=c.get("speaker") or {}; d=c.get("date") or {}
        out.append(f"{c['rule'].replace('claims.','')} spk={sp.get('text')!r}->{sp.get('name')!r} cue={(c.get('cue') or {}).get('text')!r} date={d.get('value')}/{d.get('basis')} C={(c.get('content') or {}).get('text')!r}")
    return out
for line in sys.stdin:
    line=line.strip()
    if not line: continue
    print("=== ", line)
    for fast in (False, True):
        o=run("old",line,fast); n=run("new",line,fast)
        tag="FAST" if fast else "PARS"
        if o==n: 
            for x in n: print(f"  [{tag} same] {x}")
        else:
            for x in o: print(f"  [{tag} OLD] {x}")
            for x in n: print(f"  [{tag} NEW] {x}")
