-- GET /tickets/{id} over the ids seed.py wrote to the file $IDS
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local i = math.random(#ids)
request = function()
  i = i + 1
  return wrk.format("GET", "/tickets/" .. ids[(i % #ids) + 1])
end
