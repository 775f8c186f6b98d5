local records = {}
for i = 0, 199999 do
    records[#records + 1] = {id = i, node = i % 7, memory = i * 37 % 8192, suspended = i % 11 == 0}
end
local count = 0
for _, r in ipairs(records) do
    if r.node == 3 and r.memory > 2048 and not r.suspended then
        count = count + 1
    end
end
print(count)
