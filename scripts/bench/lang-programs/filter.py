records = []
for i in range(200000):
    records.append({"id": i, "node": i % 7, "memory": i * 37 % 8192, "suspended": i % 11 == 0})
count = 0
for r in records:
    if r["node"] == 3 and r["memory"] > 2048 and not r["suspended"]:
        count += 1
print(count)
