// Interactive maps (docs/kaarten.md, "The maps"). Progressive enhancement: without this script
// a map is an SVG drawing with links (templates/includes/kaart.html) and a pin is typed into two
// number inputs. With it, Leaflet (static/vendor/leaflet/, loaded only on pages with a map)
// draws the same data on tiles from settings.KAART_TEGELS_URL.
//
// [data-kaart]: reads its JSON block, puts a Leaflet map before the SVG and hides the SVG.
// [data-kaart-prikker]: a pin picker for the inputs named by data-lengte-id and data-breedte-id;
// fires "kaart:speld" on the picker with detail {lengte, breedte} (or null when cleared).
(function () {
  "use strict";
  var KLEUR_VLAK = "#cce0f1", KLEUR_RAND = "#01689b", KLEUR_PUNT = "#a90061";
  var KLEINSTE_VORM = 16; // px: a smaller area also gets a dot at its centre
  var laden = null;

  function leaflet(element) {
    if (!laden) {
      laden = new Promise(function (klaar, mislukt) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = element.dataset.leafletCss;
        var script = document.createElement("script");
        script.src = element.dataset.leafletJs;
        var wachten = 2;
        function een() { wachten -= 1; if (wachten === 0) { klaar(window.L); } }
        css.onload = een;
        script.onload = een;
        css.onerror = script.onerror = mislukt;
        document.head.append(css, script);
      });
    }
    return laden;
  }

  function gegevens(element) {
    return JSON.parse(element.querySelector("script[type='application/json']").textContent);
  }

  function basiskaart(L, div, data, label, opties) {
    div.setAttribute("role", "group");
    div.setAttribute("aria-label", label);
    var kaart = L.map(div, Object.assign({
      scrollWheelZoom: false,
      attributionControl: false, // the attribution is in the caption, at a readable size
      zoomControl: false,
    }, opties));
    L.control.zoom({ zoomInTitle: data.teksten.inzoomen, zoomOutTitle: data.teksten.uitzoomen })
      .addTo(kaart);
    L.tileLayer(data.tegels, { maxZoom: 19, minZoom: 6 }).addTo(kaart);
    return kaart;
  }

  function naarPagina(url) {
    return function () { window.location.assign(url); };
  }

  function popup(punt) {
    var inhoud = document.createElement("p");
    var naam = document.createElement(punt.url ? "a" : "span");
    naam.textContent = punt.label;
    if (punt.url) { naam.href = punt.url; }
    inhoud.append(naam);
    if (punt.status) { inhoud.append(document.createElement("br"), punt.status); }
    return inhoud;
  }

  function kaartTekenen(L, figuur) {
    var data = gegevens(figuur);
    var div = document.createElement("div");
    div.className = "site-kaart__leaflet";
    figuur.prepend(div);
    var kaart = basiskaart(L, div, data, data.titel);
    var alles = L.featureGroup().addTo(kaart);
    var stippen = [];
    data.vlakken.forEach(function (vlak) {
      var vorm = L.geoJSON(vlak.geometrie, {
        style: { color: KLEUR_RAND, weight: 2, fillColor: KLEUR_VLAK, fillOpacity: 0.5 },
      });
      var stip = L.circleMarker([vlak.midden[1], vlak.midden[0]], {
        radius: 7, color: "#ffffff", weight: 2, fillColor: KLEUR_RAND, fillOpacity: 1,
      });
      [vorm, stip].forEach(function (laag) {
        laag.bindTooltip(vlak.label);
        if (vlak.url) { laag.on("click", naarPagina(vlak.url)); }
      });
      alles.addLayer(vorm);
      stippen.push({ stip: stip, vorm: vorm });
    });
    data.punten.forEach(function (punt) {
      L.circleMarker([punt.breedte, punt.lengte], {
        radius: 7, color: "#ffffff", weight: 2, fillColor: KLEUR_PUNT, fillOpacity: 1,
      }).bindPopup(popup(punt)).addTo(alles);
    });
    // An area smaller than a few pixels at this zoom gets a dot, so it can be seen and clicked.
    function stippenBijwerken() {
      stippen.forEach(function (paar) {
        var grenzen = paar.vorm.getBounds();
        var a = kaart.latLngToLayerPoint(grenzen.getSouthWest());
        var b = kaart.latLngToLayerPoint(grenzen.getNorthEast());
        var klein = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y)) < KLEINSTE_VORM;
        if (klein && !kaart.hasLayer(paar.stip)) { paar.stip.addTo(kaart); }
        if (!klein && kaart.hasLayer(paar.stip)) { paar.stip.remove(); }
      });
    }
    kaart.on("zoomend", stippenBijwerken);
    kaart.fitBounds(alles.getBounds(), { padding: [24, 24], maxZoom: 16 });
    stippenBijwerken();
    figuur.classList.add("site-kaart--interactief");
    var bron = figuur.querySelector("[data-kaart-bron]");
    if (bron) { bron.hidden = false; }
  }

  // Point in polygon (even-odd over every ring), for GeoJSON Polygon and MultiPolygon.
  function binnen(geometrie, lengte, breedte) {
    var veelhoeken = geometrie.type === "MultiPolygon" ? geometrie.coordinates : [geometrie.coordinates];
    var in_ = false;
    veelhoeken.forEach(function (veelhoek) {
      veelhoek.forEach(function (ring) {
        for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
          if ((yi > breedte) !== (yj > breedte) &&
              lengte < ((xj - xi) * (breedte - yi)) / (yj - yi) + xi) {
            in_ = !in_;
          }
        }
      });
    });
    return in_;
  }

  function getal(waarde) {
    return waarde.toFixed(4).replace(".", ",");
  }

  function prikker(L, blok) {
    var data = gegevens(blok);
    var lengteVeld = document.getElementById(blok.dataset.lengteId);
    var breedteVeld = document.getElementById(blok.dataset.breedteId);
    if (!lengteVeld || !breedteVeld) { return; }
    blok.hidden = false;
    var div = blok.querySelector("[data-prikker-kaart]");
    // Small steps for the arrow keys (Shift: three times as far), to put a pin precisely.
    var kaart = basiskaart(L, div, data, data.teksten.kaart, { keyboardPanDelta: 20 });
    div.setAttribute("aria-describedby", blok.dataset.lengteId + "-uitleg");
    var grens = L.geoJSON(data.grens, {
      interactive: false,
      style: { color: KLEUR_RAND, weight: 3, fillColor: KLEUR_VLAK, fillOpacity: 0.2 },
    }).addTo(kaart);
    kaart.fitBounds(grens.getBounds(), { padding: [16, 16] });
    var plek = blok.querySelector("[data-prikker-plek]");
    var fout = blok.querySelector("[data-prikker-fout]");
    var speld = null;

    function tonen(lengte, breedte) {
      if (speld) { speld.remove(); speld = null; }
      if (lengte === null) {
        plek.textContent = data.teksten.geen;
        return;
      }
      speld = L.circleMarker([breedte, lengte], {
        radius: 9, color: "#ffffff", weight: 3, fillColor: KLEUR_PUNT, fillOpacity: 1,
        interactive: false,
      }).addTo(kaart);
      plek.textContent = data.teksten.plek
        .replace("%(lengte)s", getal(lengte)).replace("%(breedte)s", getal(breedte));
    }

    function invullen(waarden) {
      lengteVeld.value = waarden ? waarden.lengte.toFixed(4) : "";
      breedteVeld.value = waarden ? waarden.breedte.toFixed(4) : "";
      [lengteVeld, breedteVeld].forEach(function (veld) {
        veld.dispatchEvent(new Event("input", { bubbles: true }));
        veld.dispatchEvent(new Event("change", { bubbles: true }));
      });
      blok.dispatchEvent(new CustomEvent("kaart:speld", { bubbles: true, detail: waarden }));
    }

    function zetten(latlng) {
      // Rounded as the server stores it (four decimals), then checked.
      var lengte = Number(latlng.lng.toFixed(4)), breedte = Number(latlng.lat.toFixed(4));
      if (!binnen(data.grens, lengte, breedte)) {
        fout.textContent = data.teksten.buiten;
        return;
      }
      fout.textContent = "";
      tonen(lengte, breedte);
      invullen({ lengte: lengte, breedte: breedte });
    }

    // What the inputs already hold (a form shown again after an error) or what is typed.
    function uitVelden() {
      var lengte = parseFloat(lengteVeld.value), breedte = parseFloat(breedteVeld.value);
      if (isNaN(lengte) || isNaN(breedte)) { tonen(null); } else { tonen(lengte, breedte); }
    }
    [lengteVeld, breedteVeld].forEach(function (veld) {
      veld.addEventListener("change", function (event) { if (event.isTrusted) { uitVelden(); } });
    });
    uitVelden();

    kaart.on("click", function (event) { zetten(event.latlng); });
    div.addEventListener("keydown", function (event) {
      if (event.target === div && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        zetten(kaart.getCenter());
      }
    });
    blok.querySelector("[data-prikker-midden]").addEventListener("click", function () {
      zetten(kaart.getCenter());
    });
    blok.querySelector("[data-prikker-weg]").addEventListener("click", function () {
      fout.textContent = "";
      tonen(null);
      invullen(null);
    });
  }

  function starten(root) {
    var kaarten = root.querySelectorAll("[data-kaart]:not(.site-kaart--interactief)");
    var prikkers = root.querySelectorAll("[data-kaart-prikker]:not([data-gestart])");
    if (!kaarten.length && !prikkers.length) { return; }
    leaflet(kaarten[0] || prikkers[0]).then(function (L) {
      kaarten.forEach(function (figuur) {
        if (!figuur.classList.contains("site-kaart--interactief")) { kaartTekenen(L, figuur); }
      });
      prikkers.forEach(function (blok) {
        if (!blok.dataset.gestart) { blok.dataset.gestart = "ja"; prikker(L, blok); }
      });
    }).catch(function () { /* the SVG and the inputs keep working */ });
  }

  starten(document);
  // Results swapped in by htmx (the area filters) bring a new map.
  document.addEventListener("htmx:afterSettle", function () { starten(document); });
})();
