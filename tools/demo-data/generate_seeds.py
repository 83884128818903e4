#!/usr/bin/env python3
"""Generate the bikeshare demo seeds (seeds/*.csv) for the Harborview city bike-share.

Deterministic: a fixed random seed and no clock reads, so re-running it rewrites the same
bytes. Standard library only. Run from anywhere:

    python3 tools/demo-data/generate_seeds.py

The raw data is deliberately a little dirty, the way an export from an operational system is,
so that the staging models have real cleaning to do:
  stations  - padded names, district spelled in mixed case, one pop-up station without a dock count
  bikes     - bike type spelled five different ways
  members   - emails in mixed case with stray spaces, impossible birth years (0, 1900), plan
              names in mixed case ("day pass" vs "day_pass"), unknown student status
  rides     - two rows exported twice, two rides whose clock ran backwards, three bikes not yet
              docked at export time (no end), GPS distance only on e-bikes and cargo bikes
  payments  - currency and method in mixed case, failed attempts followed by a retry, refunds
  maintenance_events - event types in mixed spelling, open tickets, one event for a bike id
              that is missing from the fleet list (an orphan the tests warn about)
"""
import csv
import math
import random
from datetime import datetime, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
RNG = random.Random(20240401)

PERIOD_START = datetime(2024, 3, 25)   # pilot week before the public launch on 1 April
PERIOD_END = datetime(2024, 6, 30, 23, 59, 59)
EXPORT_AT = datetime(2024, 6, 30, 23, 30)
CENTER_LAT, CENTER_LON = 51.0504, 13.7373

DISTRICTS = ["Old Town", "Harborfront", "University", "Riverside", "Market Hill", "Northgate"]
STATION_NAMES = [
    ("Old Town", "Cathedral Square"), ("Old Town", "Guild Hall"), ("Old Town", "Lantern Lane"),
    ("Old Town", "Clock Tower"), ("Harborfront", "Ferry Terminal"), ("Harborfront", "Pier 4"),
    ("Harborfront", "Fish Market"), ("Harborfront", "Lighthouse Walk"),
    ("University", "Library Plaza"), ("University", "Science Park"), ("University", "Student Union"),
    ("University", "Botanic Garden"), ("Riverside", "Willow Bridge"), ("Riverside", "Boathouse"),
    ("Riverside", "Mill Street"), ("Market Hill", "Central Station"), ("Market Hill", "Covered Market"),
    ("Market Hill", "Theatre Row"), ("Market Hill", "City Hospital"), ("Northgate", "Northgate Park"),
    ("Northgate", "Tram Depot"), ("Northgate", "Stadium East"), ("Northgate", "Allotments"),
    ("Harborfront", "Summer Pop-up"),
]
DISTRICT_CENTERS = {
    "Old Town": (0.000, 0.000), "Harborfront": (-0.012, 0.030), "University": (0.018, -0.025),
    "Riverside": (-0.020, -0.015), "Market Hill": (0.008, 0.018), "Northgate": (0.030, 0.010),
}
FIRST_NAMES = ["Ada", "Bram", "Chloe", "Dario", "Elif", "Finn", "Greta", "Hugo", "Ines", "Jonas",
               "Kira", "Lars", "Mila", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
               "Umar", "Vera", "Wim", "Xenia", "Yusuf", "Zoe", "Anouk", "Bilal", "Carmen", "Dev"]
LAST_NAMES = ["Achterberg", "Brandt", "Costa", "Dvorak", "Eriksen", "Fischer", "Gallo", "Hansen",
              "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nowak", "Okafor", "Petrov",
              "Quist", "Rossi", "Schmidt", "Tanaka", "Uysal", "Varga", "Weber", "Yilmaz", "Zimmer"]
TECHNICIANS = ["T. Okafor", "M. Lindqvist", "R. Costa", "J. Weber"]


def fmt_ts(value):
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def fmt_bool(value):
    return "" if value is None else ("true" if value else "false")


def write(name, header, rows):
    with open(SEEDS / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)


def haversine_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def make_stations():
    stations = []
    messy_district = {3: "old town", 6: "HARBORFRONT ", 10: "university", 17: " Market hill"}
    padded_name = {2: "  Lantern Lane", 13: "Boathouse  ", 21: "Stadium East "}
    for index, (district, name) in enumerate(STATION_NAMES):
        dlat, dlon = DISTRICT_CENTERS[district]
        lat = CENTER_LAT + dlat + RNG.uniform(-0.006, 0.006)
        lon = CENTER_LON + dlon + RNG.uniform(-0.009, 0.009)
        popup = name == "Summer Pop-up"
        stations.append({
            "id": 101 + index,
            "name": padded_name.get(index, name),
            "district": messy_district.get(index, district),
            "lat": round(lat, 6), "lon": round(lon, 6),
            "dock_count": None if popup else RNG.choice([12, 15, 15, 18, 20, 24, 30]),
            "postal_code": f"0{1067 + DISTRICTS.index(district) * 30 + index % 3}",
            "active": not popup,   # the pop-up closed again before the export
            "opened_on": datetime(2024, 5, 18) if popup else datetime(2024, 3, 18),
        })
    # Two stations opened after launch, so station-level history starts later for them.
    stations[19]["opened_on"] = datetime(2024, 4, 22)
    stations[22]["opened_on"] = datetime(2024, 5, 6)
    write("stations", ["id", "name", "district", "lat", "lon", "dock_count", "postal_code", "active", "opened_on"],
          [[s["id"], s["name"], s["district"], f'{s["lat"]:.6f}', f'{s["lon"]:.6f}', s["dock_count"],
            s["postal_code"], fmt_bool(s["active"]), s["opened_on"].strftime("%Y-%m-%d")] for s in stations])
    return stations


def make_bikes(stations):
    spellings = {"classic": ["classic", "Classic", "classic "], "electric": ["electric", "E-Bike", "ELECTRIC"],
                 "cargo": ["cargo", "Cargo"]}
    models = {"classic": ["Urbano 3", "Urbano 3S"], "electric": ["Volt E2", "Volt E3"], "cargo": ["Haul C1"]}
    bikes = []
    kinds = ["classic"] * 34 + ["electric"] * 18 + ["cargo"] * 6
    for index, kind in enumerate(kinds):
        commissioned = datetime(2024, 3, 1) + timedelta(days=RNG.randint(0, 14))
        bikes.append({
            "id": 1001 + index, "kind": kind, "type": RNG.choice(spellings[kind]),
            "model": RNG.choice(models[kind]), "in_service_since": commissioned,
            "home_station": RNG.choice(stations[:19])["id"],
            "battery_wh": None if kind == "classic" else (500 if kind == "electric" else 625),
            "retired": index in (7, 41),
        })
    write("bikes", ["id", "type", "model", "in_service_since", "home_station", "battery_wh", "retired"],
          [[b["id"], b["type"], b["model"], b["in_service_since"].strftime("%Y-%m-%d"), b["home_station"],
            b["battery_wh"], fmt_bool(b["retired"])] for b in bikes])
    return bikes


def make_members(stations):
    members = []
    plan_spellings = {"annual": ["annual", "Annual"], "monthly": ["monthly", "MONTHLY", "Monthly"],
                      "day_pass": ["day_pass", "day pass", "Day_Pass"]}
    plans = ["annual"] * 20 + ["monthly"] * 22 + ["day_pass"] * 14
    RNG.shuffle(plans)
    used_names = set()
    for index, plan in enumerate(plans):
        while True:
            first, last = RNG.choice(FIRST_NAMES), RNG.choice(LAST_NAMES)
            if (first, last) not in used_names:
                used_names.add((first, last))
                break
        latest = datetime(2024, 6, 25) if plan == "day_pass" else datetime(2024, 6, 1)
        span_days = (latest - PERIOD_START).days
        signed_up = PERIOD_START + timedelta(days=RNG.randint(0, span_days), minutes=RNG.randint(6 * 60, 22 * 60))
        email = f"{first}.{last}@{RNG.choice(['example.com', 'example.org', 'mail.example.net'])}".lower()
        if index % 9 == 4:
            email = email.upper()
        elif index % 11 == 6:
            email = f" {email.capitalize()} "
        birth_year = RNG.randint(1952, 2006)
        if index in (5, 29):
            birth_year = None
        elif index == 12:
            birth_year = 0
        elif index == 37:
            birth_year = 1900
        age = 2024 - birth_year if birth_year and birth_year > 1900 else 40
        student = (age <= 26 and RNG.random() < 0.7) if index not in (8, 33, 50) else None
        changed = signed_up + timedelta(days=RNG.randint(0, 20), hours=RNG.randint(0, 12))
        members.append({
            "id": 5001 + index, "first": first, "last": last, "email": email, "plan": plan,
            "membership_type": RNG.choice(plan_spellings[plan]), "signed_up_at": signed_up,
            "birth_year": birth_year, "is_student": student,
            "home_station": RNG.choice(stations[:23])["id"], "updated_at": min(changed, EXPORT_AT),
        })
    write("members", ["id", "first_name", "last_name", "email", "membership_type", "signed_up_at",
                      "birth_year", "is_student", "home_station", "updated_at"],
          [[m["id"], m["first"], m["last"], m["email"], m["membership_type"], fmt_ts(m["signed_up_at"]),
            m["birth_year"], fmt_bool(m["is_student"]), m["home_station"], fmt_ts(m["updated_at"])]
           for m in members])
    return members


def ride_start(day):
    # Commuter peaks in the morning and late afternoon, leisure in between.
    hour = RNG.choices(range(6, 23), weights=[2, 8, 10, 6, 3, 3, 4, 4, 3, 4, 7, 9, 8, 5, 3, 2, 1])[0]
    return day.replace(hour=hour, minute=RNG.randint(0, 59), second=RNG.randint(0, 59))


def make_rides(stations, bikes, members):
    by_id = {s["id"]: s for s in stations}
    rides = []
    ride_id = 900001
    day = PERIOD_START
    while day <= PERIOD_END:
        weekend = day.weekday() >= 5
        count = RNG.randint(3, 5) if day.month >= 4 or day.day >= 28 else 1
        count += 1 if weekend and day.month >= 5 else 0
        for _ in range(count):
            start = ride_start(day)
            open_stations = [s for s in stations if s["opened_on"] <= start
                             and (s["active"] or start < datetime(2024, 6, 16))]
            origin = RNG.choice(open_stations)
            round_trip = RNG.random() < (0.22 if weekend else 0.08)
            destination = origin if round_trip else RNG.choice([s for s in open_stations if s is not origin])
            bike = RNG.choice([b for b in bikes if not b["retired"] and b["in_service_since"] <= start])
            eligible = [m for m in members if m["signed_up_at"] <= start and
                        (m["plan"] != "day_pass" or start - m["signed_up_at"] < timedelta(hours=20))]
            # Someone who just bought a day pass is out riding: they take most rides they can.
            day_passes = [m for m in eligible if m["plan"] == "day_pass"]
            if day_passes and RNG.random() < 0.6:
                member = RNG.choice(day_passes)
            else:
                member = RNG.choice(eligible) if eligible and RNG.random() < 0.74 else None
            speed = {"classic": 13.5, "electric": 19.0, "cargo": 11.5}[bike["kind"]]
            if round_trip:
                route_km = RNG.uniform(2.0, 14.0)
            else:
                route_km = haversine_km((origin["lat"], origin["lon"]), (destination["lat"], destination["lon"])) \
                    * RNG.uniform(1.15, 1.45)
            minutes = max(2.0, route_km / speed * 60 * RNG.uniform(0.85, 1.5) + RNG.uniform(1, 4))
            if RNG.random() < 0.04:
                minutes += RNG.uniform(30, 70)   # forgot to dock, or a long lunch stop
            end = start + timedelta(seconds=int(minutes * 60))
            gps = None if bike["kind"] == "classic" else int(route_km * 1000)
            rides.append({"ride_id": ride_id, "bike_id": bike["id"], "member": member,
                          "start_station": origin["id"], "end_station": destination["id"],
                          "started_at": start, "ended_at": end, "distance_m": gps, "kind": bike["kind"]})
            ride_id += 1
        day += timedelta(days=1)
    rides.sort(key=lambda r: r["started_at"])
    # Oddities the staging layer deals with.
    for ride in rides[-3:]:
        ride["started_at"] = EXPORT_AT - timedelta(minutes=RNG.randint(5, 25))
        ride["ended_at"] = None            # still on the road when the export ran
        ride["end_station"] = None
        ride["distance_m"] = None
    for ride in (rides[57], rides[211]):
        ride["ended_at"] = ride["started_at"] - timedelta(minutes=RNG.randint(3, 9))   # dock clock reset
    rows = [[r["ride_id"], r["bike_id"], r["member"]["id"] if r["member"] else None, r["start_station"],
             r["end_station"], fmt_ts(r["started_at"]), fmt_ts(r["ended_at"]), r["distance_m"]] for r in rides]
    rows.insert(120, list(rows[119]))      # exported twice
    rows.insert(300, list(rows[299]))
    write("rides", ["ride_id", "bike_id", "member_id", "start_station_id", "end_station_id", "started_at",
                    "ended_at", "distance_m"], rows)
    return rides


def ride_charge(ride):
    """Pricing: casual riders pay unlock + per minute; members ride classic bikes free for 45
    minutes, pay an e-bike/cargo surcharge per minute, and an overtime rate after 45 minutes."""
    if ride["ended_at"] is None:
        return 0
    minutes = max(0, math.ceil((ride["ended_at"] - ride["started_at"]).total_seconds() / 60))
    member = ride["member"]
    if member is None:
        per_minute = {"classic": 20, "electric": 35, "cargo": 40}[ride["kind"]]
        return 100 + per_minute * minutes
    if member["plan"] == "day_pass":
        return 0
    surcharge = 0 if ride["kind"] == "classic" else 10 * minutes
    overtime = 15 * max(0, minutes - 45)
    return surcharge + overtime


def make_payments(members, rides):
    methods = ["card", "card", "card", "apple_pay", "google_pay", "wallet", "CARD", "Apple_Pay"]
    payments = []

    def add(member, ride, kind, cents, at):
        status = "succeeded"
        if RNG.random() < 0.05:
            payments.append([member, ride, kind, cents, "EUR", RNG.choice(methods), "failed", at])
            at = at + timedelta(minutes=RNG.randint(2, 90))
        elif kind == "ride_fee" and RNG.random() < 0.03:
            status = "refunded"
        payments.append([member, ride, kind, cents, RNG.choice(["EUR", "EUR", "EUR", "eur"]),
                         RNG.choice(methods), status, at])

    for member in members:
        signed = member["signed_up_at"] + timedelta(seconds=RNG.randint(20, 120))
        if member["plan"] == "annual":
            add(member["id"], None, "membership_fee", 9900, signed)
        elif member["plan"] == "day_pass":
            add(member["id"], None, "day_pass", 600, signed)
        else:
            at = signed
            while at <= PERIOD_END:
                add(member["id"], None, "membership_fee", 1490, at)
                at += timedelta(days=30)
    for ride in rides:
        cents = ride_charge(ride)
        if cents > 0:
            add(ride["member"]["id"] if ride["member"] else None, ride["ride_id"], "ride_fee", cents,
                max(ride["ended_at"], ride["started_at"]) + timedelta(seconds=RNG.randint(5, 50)))
    payments.sort(key=lambda p: p[7])
    write("payments", ["id", "member_id", "ride_id", "payment_type", "amount_cents", "currency", "method",
                       "status", "created_at"],
          [[70001 + i] + p[:7] + [fmt_ts(p[7])] for i, p in enumerate(payments)])


def make_maintenance(stations, bikes):
    spellings = {"inspection": ["inspection", "Inspection"], "flat_tire": ["flat tire", "Flat Tire", "flat_tire"],
                 "brake_repair": ["brake_repair", "Brake Repair"], "chain_repair": ["chain repair", "chain_repair"],
                 "battery_swap": ["battery_swap", "BATTERY_SWAP"]}
    costs = {"inspection": None, "flat_tire": (900, 1800), "brake_repair": (2500, 6500),
             "chain_repair": (1500, 4000), "battery_swap": (0, 0)}
    events = []
    for index in range(52):
        bike = RNG.choice(bikes)
        kinds = ["inspection", "flat_tire", "brake_repair", "chain_repair"]
        if bike["kind"] != "classic":
            kinds += ["battery_swap"] * 3
        kind = RNG.choice(kinds)
        reported = PERIOD_START + timedelta(days=RNG.randint(0, 96), hours=RNG.randint(7, 18),
                                            minutes=RNG.randint(0, 59))
        hours = RNG.uniform(0.3, 2) if kind in ("inspection", "battery_swap") else RNG.uniform(3, 72)
        resolved = reported + timedelta(minutes=int(hours * 60))
        if resolved > EXPORT_AT or index in (17, 44):
            resolved = None
        cost = None if costs[kind] is None else RNG.randint(*costs[kind]) // 10 * 10
        at_depot = kind in ("brake_repair", "chain_repair") and RNG.random() < 0.5
        events.append([bike["id"], None if at_depot else bike["home_station"], RNG.choice(spellings[kind]),
                       reported, resolved, cost, RNG.choice(TECHNICIANS)])
    events[30][0] = 1099   # a bike id that never made it into the fleet list
    events.sort(key=lambda e: e[3])
    write("maintenance_events", ["id", "bike_id", "station_id", "event_type", "reported_at", "resolved_at",
                                 "cost_cents", "technician"],
          [[301 + i] + e[:3] + [fmt_ts(e[3]), fmt_ts(e[4])] + e[5:] for i, e in enumerate(events)])


def main():
    SEEDS.mkdir(exist_ok=True)
    stations = make_stations()
    bikes = make_bikes(stations)
    members = make_members(stations)
    rides = make_rides(stations, bikes, members)
    make_payments(members, rides)
    make_maintenance(stations, bikes)


if __name__ == "__main__":
    main()
