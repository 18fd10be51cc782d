// The demo page: draw, submit to POST /api/proofs, follow the server-sent events, then verify the
// proof three ways at once (the server's Java verifier, snarkjs here, the Solidity verifier on chain).
// Plain JavaScript, no build step. window.zkml4jRun holds the last run's measurements for tests.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const pad = $("pad"), ctx = pad.getContext("2d");
  let drawing = false, last = null;

  function clearPad() {
    ctx.fillStyle = "#000";
    ctx.fillRect(0, 0, pad.width, pad.height);
  }
  clearPad();

  function point(e) {
    const r = pad.getBoundingClientRect();
    return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
  }
  function stroke(a, b) {
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 20;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }
  pad.addEventListener("pointerdown", (e) => {
    drawing = true;
    last = point(e);
    stroke(last, last);
    pad.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  pad.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    const p = point(e);
    stroke(last, p);
    last = p;
    e.preventDefault();
  });
  const end = () => { drawing = false; };
  pad.addEventListener("pointerup", end);
  pad.addEventListener("pointercancel", end);
  $("clear").addEventListener("click", clearPad);

  let chainEnabled = true;
  fetch("/api/info").then((r) => r.json()).then((info) => { chainEnabled = info.chain.enabled; });

  fetch("/api/digits").then((r) => r.json()).then((digits) => {
    for (const d of digits) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = d.label;
      b.title = "load the held-out test digit labelled " + d.label;
      b.addEventListener("click", () => {
        const img = new Image();
        img.onload = () => {
          clearPad();
          ctx.imageSmoothingEnabled = true;
          ctx.drawImage(img, 0, 0, pad.width, pad.height);
        };
        img.src = d.image;
      });
      $("digits").appendChild(b);
    }
  });

  function showError(message) {
    $("error").textContent = message;
    $("error").hidden = false;
  }

  function setProgress(text, percent) {
    $("progress").hidden = false;
    $("progress-text").textContent = text;
    $("bar-fill").style.width = percent + "%";
  }

  function panel(id, state, status, detail) {
    const p = $(id);
    p.classList.remove("ok", "bad");
    if (state) p.classList.add(state);
    p.querySelector(".status").textContent = status;
    p.querySelector(".detail").innerHTML = detail || "";
  }

  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

  $("prove").addEventListener("click", async () => {
    const started = performance.now();
    const run = window.zkml4jRun = { started: true, done: false };
    $("prove").disabled = true;
    $("error").hidden = true;
    $("verify").hidden = true;
    setProgress("sending the drawing…", 0);
    try {
      const commit = $("commit").checked;
      const res = await fetch("/api/proofs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ image: pad.toDataURL("image/png"), commit }),
      });
      const answer = await res.json();
      if (res.status !== 202) throw new Error(answer.error || ("HTTP " + res.status));
      const status = await follow(answer.events);
      if (status.status !== "done") throw new Error(status.error || "the proof failed");
      const result = status.result;
      run.proveMs = performance.now() - started;
      showResult(result);
      await verifyAll(result, run, started);
    } catch (e) {
      showError(e.message);
      $("progress").hidden = true;
      run.error = e.message;
    } finally {
      $("prove").disabled = false;
      run.done = true;
    }
  });

  function follow(url) {
    return new Promise((resolve, reject) => {
      const source = new EventSource(url);
      source.onmessage = (m) => {
        const s = JSON.parse(m.data);
        if (s.status === "queued") {
          setProgress("waiting in the queue: position " + s.position, 0);
        } else if (s.status === "running") {
          setProgress(s.stage + "… " + s.percent + "%", s.percent);
        } else {
          source.close();
          setProgress(s.status === "done" ? "proven" : "failed", 100);
          resolve(s);
        }
      };
      source.onerror = () => {
        source.close();
        reject(new Error("lost the connection to the server while waiting for the proof"));
      };
    });
  }

  function showResult(r) {
    $("placeholder").hidden = true;
    $("proven-body").hidden = false;
    const img = $("proved").getContext("2d").createImageData(r.image.width, r.image.height);
    r.image.pixels.forEach((v, i) => {
      img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = v;
      img.data[4 * i + 3] = 255;
    });
    $("proved").getContext("2d").putImageData(img, 0, 0);
    $("prediction").textContent = r.prediction;
    const max = Math.max(...r.scores), min = Math.min(...r.scores, 0);
    $("scores").innerHTML = r.scores.map((s, i) =>
      '<div class="score' + (i === r.prediction ? " best" : "") + '"><span>' + i + '</span><div class="track">' +
      '<div class="fill" style="width:' + (100 * (s - min) / (max - min || 1)).toFixed(1) + '%"></div></div>' +
      '<span class="num">' + s.toFixed(2) + "</span></div>").join("");
    const t = r.timings;
    $("timings").innerHTML = [["waiting in the queue", t.queueMs], ["witness (running the model)", t.witnessMs],
      ["Groth16 proof", t.proveMs], ["server check", t.verifyMs]]
      .map(([k, v]) => "<tr><td>" + k + "</td><td>" + v.toFixed(0) + " ms</td></tr>").join("") +
      "<tr><td>circuit</td><td>" + r.circuit.constraints.toLocaleString("en") + " constraints</td></tr>";
    $("proof-json").textContent = JSON.stringify(r.proof, null, 2);
    $("public-json").textContent = JSON.stringify(r.publicSignals, null, 2);
    $("commitment").hidden = !r.commitment;
    if (r.commitment) {
      $("commit-index").textContent = r.commitment.publicSignal;
      $("commit-digest").textContent = r.commitment.digest;
      const opening = { digest: r.commitment.digest, scale: r.commitment.scale, values: r.commitment.values,
        hash: "Poseidon.hashVector: d = n, then d = Poseidon(d, next 15 values) (circomlibjs)" };
      $("opening").href = URL.createObjectURL(new Blob([JSON.stringify(opening)], { type: "application/json" }));
    }
  }

  async function verifyAll(r, run, started) {
    $("verify").hidden = false;
    $("total").textContent = "";
    for (const id of ["v-java", "v-snarkjs", "v-chain"]) panel(id, null, "verifying…");
    const body = JSON.stringify({ proof: r.proof, publicSignals: r.publicSignals, commit: r.commit });
    const post = (url) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body })
      .then(async (res) => ({ status: res.status, json: await res.json() }));

    const java = post("/api/verify").then(({ json }) => {
      if (json.error) throw new Error(json.error);
      panel("v-java", json.valid ? "ok" : "bad", json.valid ? "✓ valid" : "✗ invalid",
        json.valid ? "pairing check passed in " + json.ms.toFixed(1) + " ms" : esc(json.reason));
      return json.valid;
    });
    const browser = (async () => {
      if (typeof snarkjs === "undefined") throw new Error("snarkjs's bundle did not load (install the npm tools on the server)");
      const vkey = await (await fetch(r.circuit.verificationKey)).json();
      const t0 = performance.now();
      const ok = await snarkjs.groth16.verify(vkey, r.publicSignals, r.proof);
      panel("v-snarkjs", ok ? "ok" : "bad", ok ? "✓ OK" : "✗ rejected",
        "snarkjs.groth16.verify in " + (performance.now() - t0).toFixed(0) + " ms");
      return ok;
    })();
    const chain = !chainEnabled ? Promise.resolve(null).then(() => {
      panel("v-chain", null, "off", "the server runs with --no-chain");
      return "off";
    }) : post("/api/verify/chain").then(({ json }) => {
      if (json.error) throw new Error(json.error);
      run.gas = json.gasUsed;
      panel("v-chain", json.accepted ? "ok" : "bad", json.accepted ? "✓ accepted" : "✗ rejected",
        "gas <b>" + json.gasUsed.toLocaleString("en") + "</b><br>contract " + esc(json.contract) +
        "<br>tx " + esc(json.transactionHash) + "<br>" + esc(json.chain));
      return json.accepted;
    });
    const named = [["v-java", java], ["v-snarkjs", browser], ["v-chain", chain]];
    const outcomes = await Promise.all(named.map(([id, p]) => p.catch((e) => {
      panel(id, "bad", "✗ error", esc(e.message));
      return false;
    })));
    run.totalMs = performance.now() - started;
    run.verified = outcomes;
    run.allOk = outcomes.every((x) => x === true);
    const ran = outcomes.filter((x) => x !== "off");
    const accepted = ran.every((x) => x === true);
    $("total").textContent = (accepted ? (ran.length === 3 ? "All three verifiers" : "Every verifier that ran") +
      " accept the proof. " : "Not every verifier accepted. ") +
      "From Prove to the last verification: " + (run.totalMs / 1000).toFixed(2) + " s.";
  }
})();
