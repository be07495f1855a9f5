local _0={}
local _1={}
local _2=require
local function require(file,...)
if _1[file]then
return _1[file].value
end
if _0[file]then
local module=_0[file]
local value=nil
if(select("#",...)>0)then value=module(...)else value=module(file)end
_1[file]={value=value}
return value
else
if _2 then
return _2(file)
else
error("module '".. file .."' not found")
end
end
end
_0={
["lualib_bundle"]=function(...)
local function __TS__Class(self)
local c={prototype={}}
c.prototype.__index=c.prototype
c.prototype.constructor=c
return c
end
local function __TS__ArrayFind(self,predicate,thisArg)
for i=1,#self do
local elem=self[i]
if predicate(thisArg,elem,i-1,self)then
return elem
end
end
return nil
end
local __TS__Unpack=table.unpack or unpack
local function __TS__ArrayIndexOf(self,searchElement,fromIndex)
if fromIndex==nil then
fromIndex=0
end
local len=#self
if len==0 then
return-1
end
if fromIndex>=len then
return-1
end
if fromIndex<0 then
fromIndex=len+fromIndex
if fromIndex<0 then
fromIndex=0
end
end
for i=fromIndex+1,len do
if self[i]==searchElement then
return i-1
end
end
return-1
end
local function __TS__CountVarargs(...)
return select("#",...)
end
local function __TS__ArraySplice(self,...)
local args={...}
local len=#self
local actualArgumentCount=__TS__CountVarargs(...)
local start=args[1]
local deleteCount=args[2]
if start<0 then
start=len+start
if start<0 then
start=0
end
elseif start>len then
start=len
end
local itemCount=actualArgumentCount-2
if itemCount<0 then
itemCount=0
end
local actualDeleteCount
if actualArgumentCount==0 then
actualDeleteCount=0
elseif actualArgumentCount==1 then
actualDeleteCount=len-start
else
actualDeleteCount=deleteCount or 0
if actualDeleteCount<0 then
actualDeleteCount=0
end
if actualDeleteCount>len-start then
actualDeleteCount=len-start
end
end
local out={}
for k=1,actualDeleteCount do
local from=start+k
if self[from]~=nil then
out[k]=self[from]
end
end
if itemCount<actualDeleteCount then
for k=start+1,len-actualDeleteCount do
local from=k+actualDeleteCount
local to=k+itemCount
if self[from]then
self[to]=self[from]
else
self[to]=nil
end
end
for k=len-actualDeleteCount+itemCount+1,len do
self[k]=nil
end
elseif itemCount>actualDeleteCount then
for k=len-actualDeleteCount,start+1,-1 do
local from=k+actualDeleteCount
local to=k+itemCount
if self[from]then
self[to]=self[from]
else
self[to]=nil
end
end
end
local j=start+1
for i=3,actualArgumentCount do
self[j]=args[i]
j=j+1
end
for k=#self,len-actualDeleteCount+itemCount+1,-1 do
self[k]=nil
end
return out
end
local function __TS__ObjectAssign(target,...)
local sources={...}
for i=1,#sources do
local source=sources[i]
if type(source)=="table"then
for key in pairs(source)do
target[key]=source[key]
end
end
end
return target
end
local function __TS__New(target,...)
local instance=setmetatable({},target.prototype)
instance:____constructor(...)
return instance
end
return{
__TS__Class=__TS__Class,
__TS__ArrayFind=__TS__ArrayFind,
__TS__Unpack=__TS__Unpack,
__TS__ArrayIndexOf=__TS__ArrayIndexOf,
__TS__ArraySplice=__TS__ArraySplice,
__TS__ObjectAssign=__TS__ObjectAssign,
__TS__New=__TS__New
}
end,
["api"]=function(...)
local _3={}
return _3
end,
["ids"]=function(...)
local _3={}
local BASE62="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
local TWO_24=16777216
local TWO_48=TWO_24*TWO_24
local clock={
offsetMs=0,
offsetPrecise=false,
known=false,
offsetLow=-math.huge,
offsetHigh=math.huge,
lastMs=0,
counter=0
}
function _3.serverNow()
return os.epoch("utc")+clock.offsetMs
end
function _3.serverClockKnown()
return clock.known
end
function _3.observeServerTime(serverMs,sentAt,receivedAt)
clock.offsetMs=serverMs-receivedAt
clock.offsetPrecise=true
clock.known=true
end
local MONTHS={
Jan=1,
Feb=2,
Mar=3,
Apr=4,
May=5,
Jun=6,
Jul=7,
Aug=8,
Sep=9,
Oct=10,
Nov=11,
Dec=12
}
local function daysFromCivil(y,m,d)
if m<=2 then
y=y-1
end
local era=math.floor(y/400)
local yoe=y-era*400
local mp=(m+9)%12
local doy=math.floor((153*mp+2)/5)+d-1
local doe=yoe*365+math.floor(yoe/4)-math.floor(yoe/100)+doy
return era*146097+doe-719468
end
function _3.parseHttpDate(date)
local d,mon,y,hh,mm,ss=string.match(date,"(%d+) (%a+) (%d+) (%d+):(%d+):(%d+)")
if d==nil then
return nil
end
local month=MONTHS[mon]
if month==nil then
return nil
end
local days=daysFromCivil(
tonumber(y),
month,
tonumber(d)
)
return((days*24+tonumber(hh))*60+tonumber(mm))*60000+tonumber(ss)*1000
end
function _3.observeDateHeader(date,sentAt,receivedAt)
if clock.offsetPrecise or date==nil then
return
end
local ms=_3.parseHttpDate(date)
if ms==nil then
return
end
local low=math.max(clock.offsetLow,ms-receivedAt)
local high=math.min(clock.offsetHigh,ms+1000-sentAt)
if low>high then
clock.offsetLow=ms-receivedAt
clock.offsetHigh=ms+1000-sentAt
else
clock.offsetLow=low
clock.offsetHigh=high
end
clock.offsetMs=clock.offsetLow
clock.known=true
end
local TWO_36=2^36
function _3.idTime(id)
local hex=string.match(id,"^%a+_(%x%x%x%x%x%x%x%x%x%x%x%x)")
if hex==nil then
return nil
end
local value=tonumber(
string.sub(hex,1,6),
16
)*TWO_24+tonumber(
string.sub(hex,7,12),
16
)
return math.floor(value/4096)
end
function _3.observeId(id)
local wrapped=_3.idTime(id)
if wrapped==nil then
return
end
local ref=math.max(
clock.lastMs,
math.floor(_3.serverNow())
)
local ms=ref-ref%TWO_36+wrapped
if ms<ref-TWO_36/2 then
ms=ms+TWO_36
elseif ms>ref+TWO_36/2 then
ms=ms-TWO_36
end
if ms>clock.lastMs then
clock.lastMs=ms
clock.counter=4095
end
end
local function randomBase62(n)
local out={}
do
local i=0
while i<n do
local k=math.random(1,62)
out[#out+1]=string.sub(BASE62,k,k)
i=i+1
end
end
return table.concat(out)
end
function _3.newId(prefix)
local ms=math.floor(_3.serverNow())
if ms>clock.lastMs then
clock.lastMs=ms
clock.counter=0
else
ms=clock.lastMs
end
clock.counter=clock.counter+1
if clock.counter>=4096 then
clock.lastMs=ms+1
ms=clock.lastMs
clock.counter=1
end
local value=(ms*4096+clock.counter)%TWO_48
local hi=math.floor(value/TWO_24)
local lo=value%TWO_24
return((prefix .."_").. string.format("%06x%06x",hi,lo)).. randomBase62(14)
end
return _3
end,
["answer"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local _3={}
local _5=require("ids")
local observeId=_5.observeId
_3.Answer=__TS__Class()
local Answer=_3.Answer
Answer.name="Answer"
function Answer.prototype.____constructor(self,messageID)
self.messageID=messageID
self.ordered={}
self.limit=2
self.sawUserMessage=false
self.newerUser=false
self.reachedStart=false
self.byId={}
self.count=0
self.contiguous={}
end
function Answer.prototype.take(self,list)
local u=self.messageID
local oldest=list[1]
local reached=#list<self.limit or oldest==nil or oldest.info.id<=u or self.contiguous[oldest.info.id]
for ____,m in ipairs(list)do
observeId(m.info.id)
if m.info.id==u then
self.sawUserMessage=true
elseif m.info.role=="assistant"and m.info.parentID==u then
self:put(m)
if reached then
self.contiguous[m.info.id]=true
end
elseif m.info.role=="user"and m.info.id>u then
self.newerUser=true
end
end
self.reachedStart=reached
self.limit=reached and math.max(self.count+1,2)or self.limit*2
end
function Answer.prototype.takeLast(self,last)
local known=self.contiguous[last.info.id]
self:put(last)
if known then
return true
end
self.limit=self.count+1
self.reachedStart=false
return false
end
function Answer.prototype.put(self,m)
if self.byId[m.info.id]==nil then
self.count=self.count+1
end
self.byId[m.info.id]=m
local ordered={}
for ____,each in pairs(self.byId)do
ordered[#ordered+1]=each
end
table.sort(
ordered,
function(a,b)return a.info.id<b.info.id end
)
self.ordered=ordered
end
function Answer.prototype.shape(self)
local m=self:last()
if m==nil then
return""
end
return(((((tostring(self.count)..":").. tostring(#m.parts))..":")..(m.info.finish or""))..":").. tostring(m.info.time.completed or"")
end
function Answer.prototype.last(self)
return self.ordered[#self.ordered]
end
function Answer.prototype.ending(self)
local m=self:last()
if m==nil or m.info.time.completed~=nil then
return false
end
if m.info.finish~=nil and m.info.finish~="tool-calls"then
return true
end
for ____,p in ipairs(m.parts)do
if p.type=="text"and p.time~=nil and p.time["end"]~=nil then
return true
end
end
return false
end
return _3
end,
["errors"]=function(...)
local _3={}
local errorMeta={__tostring=function(self)
return self.message
end}
function _3.aiError(kind,message,extra)
local e={
kind=kind,
message=message,
status=extra and extra.status,
name=extra and extra.name,
transient=extra and extra.transient,
retryAfter=extra and extra.retryAfter
}
return setmetatable(e,errorMeta)
end
function _3.fail(kind,message,extra)
error(
_3.aiError(kind,message,extra),
0
)
end
function _3.isAiError(value)
return type(value)=="table"and getmetatable(value)==errorMeta
end
function _3.toAiError(value)
if _3.isAiError(value)then
return value
end
if value=="Terminated"then
return _3.aiError("terminated","Terminated")
end
return _3.aiError(
"server",
tostring(value)
)
end
return _3
end,
["settingdefs"]=function(...)
local _3={}
_3.SETTINGS={
{
key="url",
name="opencc.server_url",
type="string",
default="http://127.0.0.1:4096",
description="URL of the opencode server (opencode serve), e.g. http://host:4096"
},
{
key="username",
name="opencc.username",
type="string",
default="opencode",
description="Basic Auth user name for the opencode server"
},
{
key="password",
name="opencc.password",
type="string",
default="",
description="Basic Auth password (OPENCODE_SERVER_PASSWORD of the server); empty for none"
},
{
key="sessionId",
name="opencc.session_id",
type="string",
default="",
description="Pin one opencode session (ses_...); empty: this computer's own conversation"
},
{
key="agent",
name="opencc.agent",
type="string",
default="",
description="Agent that answers (e.g. build, plan); empty: the server's default"
},
{
key="model",
name="opencc.model",
type="string",
default="",
description="Model as provider/model; empty: the agent's or server's default"
},
{
key="variant",
name="opencc.variant",
type="string",
default="",
description="Model variant (e.g. high); empty: default"
},
{
key="directory",
name="opencc.directory",
type="string",
default="",
description="Project directory on the server to scope every request to; empty: the server's own"
},
{
key="timeout",
name="opencc.timeout",
type="number",
default=300,
description="Seconds to wait for a reply before stopping the generation"
},
{
key="pollInterval",
name="opencc.poll_interval",
type="number",
default=0.5,
description="Seconds between checks for the reply (quicker while a reply is ending, slower after a long silence)"
},
{
key="bridgeUrl",
name="opencc.bridge_url",
type="string",
default="",
description="opencc-bridge URL (ws://host:4097/cc) through which the agent acts on this computer; empty: off"
},
{
key="bridgeToken",
name="opencc.bridge_token",
type="string",
default="",
description="The bridge's shared secret (its --token)"
},
{
key="tools",
name="opencc.tools",
type="string",
default="read",
description="What the agent may do here via the bridge: read, act (turtle, peripherals), lua; e.g. read,act"
}
}
_3.CONVERSATION_SETTING="opencc.conversation"
_3.CONVERSATIONS_SETTING="opencc.conversations"
local defined=false
function _3.defineSettings()
if defined or settings==nil then
return
end
defined=true
for ____,s in ipairs(_3.SETTINGS)do
settings.define(s.name,{description=s.description,type=s.type,default=s.default})
end
settings.define(_3.CONVERSATION_SETTING,{description="This computer's own opencode session, remembered by ai (ai --new starts another)",type="string",default=""})
settings.define(_3.CONVERSATIONS_SETTING,{description="This computer's own session in each other opencc.directory, remembered by ai",type="table",default={}})
end
return _3
end,
["config"]=function(...)
local _4=require("lualib_bundle")
local __TS__ArrayFind=_4.__TS__ArrayFind
local _3={}
local _6=require("errors")
local fail=_6.fail
local _7=require("settingdefs")
local defineSettings=_7.defineSettings
local SETTINGS=_7.SETTINGS
local function badSetting(name,why,fix)
return fail("bad_setting",(((name .." ").. why)..": ").. fix)
end
function _3.validate(key,value)
local def=__TS__ArrayFind(
SETTINGS,
function(____,s)return s.key==key end
)
if value==nil then
value=def.default
end
if type(value)~=def.type then
badSetting(
def.name,
(("must be a ".. def.type)..", not ").. tostring(value),
((("set ".. def.name).." <").. def.type)..">"
)
end
if key=="url"then
local url=value
if(string.find(url,"^[^/]*//[^/]*@"))~=nil or(string.find(url,"^[^/]*@"))~=nil then
badSetting(def.name,"has a user name or password in it","use opencc.username and opencc.password instead")
end
if(string.find(url,"^https?://[^/%s]+"))==nil then
badSetting(def.name,("\"".. url).."\" is not an http(s) URL","set opencc.server_url http://host:4096")
end
elseif key=="model"then
local model=value
if model~=""and(string.find(model,"^[^/]+/.+$"))==nil then
badSetting(def.name,("\"".. model).."\" has no provider","set opencc.model provider/model (e.g. anthropic/claude-sonnet-4)")
end
elseif key=="timeout"or key=="pollInterval"then
local n=value
if n<=0 then
badSetting(
def.name,
"must be a positive number of seconds, not ".. tostring(n),
(("set ".. def.name).." ").. tostring(def.default)
)
end
elseif key=="bridgeUrl"then
local url=value
if url~=""and(string.find(url,"^wss?://[^/%s]+"))==nil then
badSetting(def.name,("\"".. url).."\" is not a ws:// URL","set opencc.bridge_url ws://host:4097/cc")
end
elseif key=="tools"then
for word in string.gmatch(value,"[^,%s]+")do
if word~="read"and word~="act"and word~="lua"then
badSetting(def.name,("names \"".. word).."\", which is not read, act or lua","set opencc.tools read,act")
end
end
elseif key=="sessionId"then
local id=value
if id~=""and(string.find(id,"^ses_%w+$"))==nil then
badSetting(
def.name,
("\"".. string.sub(id,1,40)).."\" is not a session id (ses_...)",
"ai --sessions lists them"
)
end
end
return value
end
function _3.readConfig(overrides)
defineSettings()
local cfg={}
for ____,s in ipairs(SETTINGS)do
local given=overrides and overrides[s.key]
local _8
if given~=nil then
_8=given
else
local _9
if settings~=nil then
_9=settings.get(s.name)
else
_9=nil
end
_8=_9
end
local stored=_8
cfg[s.key]=_3.validate(s.key,stored)
end
local config=cfg
local _a={string.gsub(config.url,"/+$","")}
config.url=_a[1]
return config
end
local function isLocalHost(host)
local h=string.lower(host)
if h=="localhost"or(string.find(h,"%."))==nil then
return true
end
for ____,suffix in ipairs({
".local",
".lan",
".internal",
".home.arpa",
".localhost"
})do
if string.sub(h,-#suffix)==suffix then
return true
end
end
local a,b=string.match(h,"^(%d+)%.(%d+)%.%d+%.%d+$")
if a~=nil then
local x,y=tonumber(a),tonumber(b)
return x==127 or x==10 or x==172 and y>=16 and y<=31 or x==192 and y==168 or x==169 and y==254
end
return h=="::1"or(string.find(h,"^f[cd]"))~=nil or(string.find(h,"^fe[89ab]"))~=nil
end
function _3.plainHttpWarning(url,password)
if password==""then
return nil
end
local authority=string.match(url,"^[hH][tT][tT][pP]://([^/?#]+)")
if authority==nil then
return nil
end
local v6=string.match(authority,"^%[([^%]]+)%]")
local named=string.match(authority,"^([^:]+)")
local name=v6 or named or authority
if isLocalHost(name)then
return nil
end
return("The password crosses the network to ".. name).." unencrypted: use https:// in opencc.server_url."
end
return _3
end,
["http"]=function(...)
local _3={}
local requireHttp
local _6=require("errors")
local fail=_6.fail
function requireHttp()
if http==nil then
fail("http_disabled","The http API is disabled: set enabled = true under [http] in the world's serverconfig/computercraft-server.toml, then restart the server.")
end
end
_3.TERMINATED="Terminated"
local busyUrls={}
local URL_FREE_EVENT="opencc_http_free"
local waitingForUrl=0
function _3.hostOf(url)
local authority=string.match(url,"^%a+://([^/?#]+)")
if authority==nil then
return"?"
end
local host=string.gsub(authority,"^.*@","")
return host
end
local function mapFailure(url,reason)
if reason=="Domain not permitted"then
local host=string.match(
_3.hostOf(url),
"^%[?([^%]]-)%]?:?%d*$"
)
fail(
"blocked",
((("CC blocks "..(host or _3.hostOf(url))).." (\"Domain not permitted\"): CC: Tweaked denies private addresses by default. In the world's serverconfig/computercraft-server.toml, put a [[http.rules]] entry with host = \"")..(host or _3.hostOf(url))).."\" and action = \"allow\" above the one with host = \"$private\" and action = \"deny\" (or remove that one), then restart the server."
)
end
if(string.find(reason,"[Tt]imed? ?out"))~=nil then
fail(
"timeout",
((("The server at ".. _3.hostOf(url)).." did not answer in time (").. reason)..").",
{transient=true}
)
end
if reason=="Response is too large"then
fail(
"too_large",
("The reply from ".. _3.hostOf(url)).." was too large for CC: raise max_download in computercraft-server.toml."
)
end
if reason=="URL malformed"or reason=="URL not http"or(string.find(reason,"protocol"))~=nil then
fail("bad_url",("opencc.server_url is not a valid http(s) URL (".. reason).."): set it to http://host:4096.")
end
local why=reason=="Could not connect"and""or(" (".. reason)..")"
fail(
"unreachable",
(("Could not reach the opencode server at ".. _3.hostOf(url)).. why)..": is it running, and opencc.server_url right?",
{transient=true}
)
end
local function refuseRedirect(url,reply)
local location=reply.headers.Location or reply.headers.location or""
if string.sub(location,1,2)=="//"then
location="http:".. location
end
local target=location==""and""or((string.find(location,"^%a+://"))and _3.hostOf(location)or _3.hostOf(url))
return fail(
"redirect",
((("The server redirects (".. tostring(reply.status))..") to ")..(target~=""and target or"elsewhere"))..": set opencc.server_url to the final address.",
{status=reply.status}
)
end
local function readHandle(handle)
local status=handle:getResponseCode()
local body=handle:readAll()or""
local headers=handle:getResponseHeaders()
handle:close()
return{status=status,body=body,headers=headers}
end
local function waitForResponse(url)
while true do
local event,eventUrl,a,b=os.pullEventRaw()
if event=="terminate"then
error(_3.TERMINATED,0)
end
if event=="http_success"and eventUrl==url then
return readHandle(a)
end
if event=="http_failure"and eventUrl==url then
local handle=b
if handle~=nil then
return readHandle(handle)
end
return mapFailure(
url,
tostring(a)
)
end
end
end
function _3.send(req)
requireHttp()
while busyUrls[req.url]do
waitingForUrl=waitingForUrl+1
local event=os.pullEventRaw(URL_FREE_EVENT)
waitingForUrl=waitingForUrl-1
if event=="terminate"then
error(_3.TERMINATED,0)
end
end
busyUrls[req.url]=true
local ok,result=pcall(function()
local accepted,why=http.request({
url=req.url,
method=req.method,
headers=req.headers,
body=req.body,
timeout=req.timeout,
redirect=false
})
if accepted==false then
mapFailure(req.url,why or"refused")
end
return waitForResponse(req.url)
end)
busyUrls[req.url]=nil
if waitingForUrl>0 then
os.queueEvent(URL_FREE_EVENT,req.url)
end
if not ok then
error(result,0)
end
local reply=result
if reply.status>=300 and reply.status<400 then
refuseRedirect(req.url,reply)
end
return reply
end
function _3.pauseFor(seconds)
local timer=os.startTimer(seconds)
local event
local id
repeat
do
event,id=os.pullEventRaw()
if event=="terminate"then
os.cancelTimer(timer)
error(_3.TERMINATED,0)
end
end
until not(event~="timer"or id~=timer)
end
function _3.checkAllowed(url)
requireHttp()
local check=http.checkURL
local ok,reason=check(url)
if not ok then
mapFailure(url,reason or"not allowed")
end
end
function _3.openWebsocket(url,timeoutSecs)
requireHttp()
local openAsync=http.websocketAsync
local ok,thrown=pcall(openAsync,url)
if not ok then
fail(
"bad_url",
((("opencc.bridge_url \"".. url).."\" is not a ws:// URL (").. tostring(thrown)).."): set opencc.bridge_url ws://host:4097/cc"
)
end
local timer=os.startTimer(timeoutSecs)
while true do
local event,eventUrl,a=os.pullEventRaw()
if event=="terminate"then
error(_3.TERMINATED,0)
end
if event=="timer"and eventUrl==timer then
fail(
"timeout",
((("The opencc bridge at ".. _3.hostOf(url)).." did not answer within ").. tostring(timeoutSecs)).." s: is opencc-bridge running there, and is opencc.bridge_url right?"
)
end
if event=="websocket_success"and eventUrl==url then
os.cancelTimer(timer)
return a
end
if event=="websocket_failure"and eventUrl==url then
os.cancelTimer(timer)
local reason=tostring(a)
if reason=="Domain not permitted"then
mapFailure(url,reason)
end
if(string.find(reason,"[Dd]isabled"))~=nil then
fail("http_disabled",("CC refused the websocket (".. reason).."): set enabled = true under [http.websocket] (or [http]) in the world's serverconfig/computercraft-server.toml.")
end
fail(
"unreachable",
((("Could not reach the opencc bridge at ".. _3.hostOf(url)).." (").. reason).."). Is opencc-bridge running there, and is opencc.bridge_url right?"
)
end
end
end
return _3
end,
["json"]=function(...)
local _3={}
local UNICODE={unicode_strings=true}
local function serialise(v,options)
return textutils.serialiseJSON(v,options)
end
local function unescapeHighBytes(json)
local out=string.gsub(
json,
"(\\+)u00([89a-fA-F]%x)",
function(slashes,hex)return#slashes%2==1 and string.sub(slashes,2).. string.char(tonumber(hex,16))or(slashes .."u00").. hex end
)
return out
end
function _3.encodeJSON(v,encoding)
if encoding==nil then
encoding="latin1"
end
if encoding=="latin1"then
return serialise(v)
end
local ok,json=pcall(function()return serialise(v,UNICODE)end)
return ok and json or unescapeHighBytes(serialise(v))
end
function _3.decodeJSON(body)
local ok,value=pcall(textutils.unserialiseJSON,body)
local _b
if ok then
_b=value
else
_b=nil
end
return _b
end
function _3.jsonNull()
return textutils.json_null
end
return _3
end,
["pause"]=function(...)
local _3={}
local _c=require("http")
local TERMINATED=_c.TERMINATED
function _3.pause(seconds)
local timer=os.startTimer(seconds)
while true do
local event,id=os.pullEventRaw()
if event=="terminate"then
os.cancelTimer(timer)
error(TERMINATED,0)
end
if event=="timer"and id==timer then
return
end
end
end
function _3.waitEvent(name,deadline)
local left=(deadline-os.epoch("utc"))/1000
if left<=0 then
return false
end
local timer=os.startTimer(left)
while true do
local event,id=os.pullEventRaw()
if event=="terminate"then
os.cancelTimer(timer)
error(TERMINATED,0)
end
if event==name then
os.cancelTimer(timer)
return true
end
if event=="timer"and id==timer then
return false
end
end
end
return _3
end,
["listen"]=function(...)
local _3={}
local _d=require("pause")
local pause=_d.pause
local polling={
wait=function(seconds)
pause(seconds)
return"nothing"
end,
live=function()return false end,
merge=function(answers)return answers end,
close=function()return nil end
}
local listener
function _3.setListener(l)
listener=l
end
function _3.dropListener(l)
if listener==l then
listener=nil
end
end
function _3.listen(sessionID,messageID,auth)
local _e
if listener~=nil then
_e=listener.listen(sessionID,messageID,auth)
else
_e=nil
end
return _e or polling
end
return _3
end,
["core"]=function(...)
local _3={}
local _f=require("config")
local readConfig=_f.readConfig
local _6=require("errors")
local aiError=_6.aiError
local fail=_6.fail
local _c=require("http")
local openWebsocket=_c.openWebsocket
local TERMINATED=_c.TERMINATED
local _g=require("json")
local decodeJSON=_g.decodeJSON
local encodeJSON=_g.encodeJSON
local jsonNull=_g.jsonNull
local _h=require("listen")
local dropListener=_h.dropListener
local setListener=_h.setListener
local _d=require("pause")
local waitEvent=_d.waitEvent
_3.version="0.1.0"
_3.core={
version=_3.version,
readConfig=readConfig,
aiError=aiError,
fail=fail,
openWebsocket=openWebsocket,
TERMINATED=TERMINATED,
encodeJSON=encodeJSON,
decodeJSON=decodeJSON,
jsonNull=jsonNull,
setListener=setListener,
dropListener=dropListener,
waitEvent=waitEvent
}
return _3
end,
["bridgetypes"]=function(...)
local _3={}
return _3
end,
["decode"]=function(...)
local _3={}
local _6=require("errors")
local fail=_6.fail
local function isList(v)
if type(v)~="table"then
return false
end
local t=v
return t[1]~=nil or(next(t))==nil
end
function _3.mismatch(v,shape)
if type(shape)=="string"then
local s=shape
local optional=string.sub(s,-1)=="?"
local want=optional and string.sub(s,1,-2)or s
if v==nil and optional then
return nil
end
local _e
if type(v)==want then
_e=nil
else
_e=": ".. want
end
return _e
end
if isList(shape)then
if not isList(v)then
return": list"
end
local list=v
do
local i=0
while i<#list do
local bad=_3.mismatch(list[i+1],shape[1])
if bad~=nil then
return(("[".. tostring(i+1)).."]").. bad
end
i=i+1
end
end
return nil
end
local fields=shape
local maybe=fields["?"]
if maybe~=nil then
local _i
if v==nil then
_i=nil
else
_i=_3.mismatch(v,maybe)
end
return _i
end
if type(v)~="table"then
return": object"
end
local each=fields["*"]
for k,item in pairs(each~=nil and v or fields)do
local _9
if each~=nil then
_9=_3.mismatch(item,each)
else
_9=_3.mismatch(v[k],item)
end
local bad=_9
if bad~=nil then
return(".".. tostring(k)).. bad
end
end
return nil
end
function _3.decode(value,shape,host)
local bad=_3.mismatch(value,shape)
if bad~=nil then
local at,want=string.match(bad,"^%.?(.-): (%a+)$")
fail("bad_response",((((("Not an opencode reply from ".. host).." (").. want).." expected")..(at~=""and" at ".. at or"")).."): check opencc.server_url.")
end
return value
end
local ERROR_INFO={["?"]={name="string"}}
local PART={
id="string",
type="string",
text="string?",
tool="string?",
state={["?"]={status="string",title="string?",error="string?",input="table?"}},
time={["?"]={start="number?",["end"]="number?"}}
}
_3.SHAPES={
health={healthy="boolean",version="string"},
session={id="string",title="string",parentID="string?",time={created="number",updated="number"}},
message={info={
id="string",
sessionID="string",
role="string",
time={created="number",completed="number?"},
parentID="string?",
finish="string?",
agent="string?",
providerID="string?",
modelID="string?",
error=ERROR_INFO
},parts={PART}},
status={["*"]={type="string",attempt="number?",message="string?"}},
agent={name="string",mode="string",hidden="boolean?"},
providers={providers={{id="string",models={["*"]="table"}}}},
permission={id="string",sessionID="string",permission="string",patterns={"string"}},
question={id="string",sessionID="string",questions={{question="string",options={{label="string"}}}}},
control={path="string"},
boolean="boolean"
}
return _3
end,
["transport"]=function(...)
local _4=require("lualib_bundle")
local __TS__Unpack=_4.__TS__Unpack
local _3={}
local urlEncode,serverMessage,isWebPage,retryAfter,attempt,failStatus,MIN_REQUEST_MS
local _j=require("decode")
local decode=_j.decode
local _6=require("errors")
local fail=_6.fail
local isAiError=_6.isAiError
local _c=require("http")
local hostOf=_c.hostOf
local pauseFor=_c.pauseFor
local send=_c.send
local _5=require("ids")
local observeDateHeader=_5.observeDateHeader
local _g=require("json")
local decodeJSON=_g.decodeJSON
local encodeJSON=_g.encodeJSON
function urlEncode(s,keepSlash)
if keepSlash==nil then
keepSlash=false
end
local out=string.gsub(
s,
keepSlash and"[^%w%-%._~/]"or"[^%w%-%._~]",
function(ch)return string.format(
"%%%02X",
string.byte(ch)
)end
)
return out
end
function serverMessage(body)
local decoded=decodeJSON(body)
if type(decoded)=="table"then
local name=decoded.name
local _e
if type(decoded.data)=="table"then
_e=decoded.data.message
else
_e=decoded.message
end
local message=_e
return type(name)=="string"and name or nil,type(message)=="string"and string.sub(message,1,200)or nil
end
local firstLine=string.match(body,"^%s*([^\r\n]+)")
return nil,firstLine~=nil and string.sub(firstLine,1,200)or nil
end
function isWebPage(reply)
local contentType=reply.headers["Content-Type"]or reply.headers["content-type"]or""
return(string.find(contentType,"html"))~=nil or(string.find(reply.body,"^%s*<"))~=nil
end
function retryAfter(reply)
local value=reply.headers["Retry-After"]or reply.headers["retry-after"]
local seconds=__TS__Unpack(value~=nil and({string.match(value,"^%s*(%d+)%s*$")})or({nil}))
local _i
if seconds~=nil then
_i=tonumber(seconds)
else
_i=nil
end
return _i
end
function attempt(c,method,path,o)
local params={}
if c.directory~=nil then
params[#params+1]="directory=".. urlEncode(c.directory,true)
end
if o.query~=nil then
for k,v in pairs(o.query)do
params[#params+1]=(tostring(k).."=").. urlEncode(tostring(v))
end
end
local url=(c.url .. path)..(#params>0 and"?".. table.concat(params,"&")or"")
local headers={Accept="application/json"}
if o.body~=nil then
headers["Content-Type"]="application/json"
end
if c.authHeader~=nil then
headers.Authorization=c.authHeader
end
local timeout=o.timeout or c.timeout or 30
if o.deadline~=nil then
local left=o.deadline-os.epoch("utc")
if left<MIN_REQUEST_MS then
fail(
"timeout",
("No time was left to ask ".. hostOf(c.url)).." (the deadline passed)."
)
end
timeout=math.min(timeout,left/1000)
end
local sentAt=os.epoch("utc")
c.requests=c.requests+1
local reply=send({
method=method,
url=url,
headers=headers,
body=o.body~=nil and encodeJSON(o.body,c.encoding)or nil,
timeout=timeout
})
c.bytes=c.bytes+#reply.body
if#reply.body>c.largest then
c.largest=#reply.body
end
observeDateHeader(
reply.headers.Date or reply.headers.date,
sentAt,
os.epoch("utc")
)
if reply.status>=400 then
failStatus(c,reply)
end
if o.shape==nil then
return nil
end
local host=hostOf(c.url)
if reply.body==""or reply.status==204 then
fail("bad_response",host .." sent an empty reply (the connection may have dropped): try again.",{transient=true})
end
local decoded=decodeJSON(reply.body)
if decoded==nil then
if isWebPage(reply)then
fail("bad_response",host .." sent a web page, not opencode's JSON: is opencc.server_url an opencode server?")
end
fail("bad_response",host .." sent a cut-off or garbled reply (the connection may have dropped): try again.",{transient=true})
end
return decode(decoded,o.shape,host)
end
function failStatus(c,reply)
local status=reply.status
local host=hostOf(c.url)
local transient=status>=500 or status==429
if status==401 or status==403 then
fail(
"auth",
("The server refused the credentials (".. tostring(status)).."): set opencc.password to OPENCODE_SERVER_PASSWORD.",
{status=status}
)
end
if status==429 then
local after=retryAfter(reply)
fail(
"server",
((("The server at ".. host).." is busy (429): try again")..(after~=nil and(" in ".. tostring(after)).." s"or""))..".",
{status=status,transient=transient,retryAfter=after}
)
end
if isWebPage(reply)then
fail(
"proxy",
((("A proxy or web server at ".. host).." answered ").. tostring(status))..", not opencode: is opencode serve up behind it?",
{
status=status,
transient=transient,
retryAfter=retryAfter(reply)
}
)
end
local name,message=serverMessage(reply.body)
local what=message or"HTTP ".. tostring(status)
if status==404 and name=="NotFoundError"then
fail("session_gone",what,{status=404,name=name})
end
return fail(
"server",
((("The opencode server answered ".. tostring(status))..": ")..(name~=nil and name ..": "or"")).. what,
{
status=status,
name=name,
transient=transient,
retryAfter=retryAfter(reply)
}
)
end
local B64="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
function _3.base64(s)
local out={}
do
local i=1
while i<=#s do
local a,b,c=string.byte(s,i,i+2)
local n=a*65536+(b or 0)*256+(c or 0)
local chars={
math.floor(n/262144),
math.floor(n/4096)%64,
math.floor(n/64)%64,
n%64
}
do
local k=0
while k<4 do
local pad=k==2 and b==nil or k==3 and c==nil
out[#out+1]=pad and"="or string.sub(B64,chars[k+1]+1,chars[k+1]+1)
k=k+1
end
end
i=i+3
end
end
return table.concat(out)
end
local ID_KINDS={ses="session",msg="message",per="permission",que="question"}
function _3.pathId(prefix,id)
if type(id)~="string"or(string.find(id,("^".. prefix).."_%w+$"))==nil then
local shown=type(id)=="string"and string.sub(id,1,40)or tostring(id)
fail("bad_id",((((("\"".. shown).."\" is not a ").. ID_KINDS[prefix]).." id (").. prefix).."_...): it was not sent.")
end
return urlEncode(id)
end
local DEFAULT_TRIES=3
local DEFAULT_BUDGET_MS=10000
local RETRY_WINDOW_MS=15000
MIN_REQUEST_MS=50
function _3.request(c,method,path,o)
if o==nil then
o={}
end
local retries=method=="GET"
local started=os.epoch("utc")
local budgetEnd=math.min(o.deadline or started+DEFAULT_BUDGET_MS,started+RETRY_WINDOW_MS)
local tries=0
while true do
tries=tries+1
local ok,result=pcall(function()return attempt(c,method,path,o)end)
if ok then
return result
end
if not isAiError(result)then
error(result,0)
end
local err=result
local wait=err.retryAfter or math.min(0.5*2^(tries-1),4)
local giveUp=not retries or err.transient~=true or(o.deadline==nil or err.kind=="unreachable")and tries>=DEFAULT_TRIES or os.epoch("utc")+wait*1000+MIN_REQUEST_MS>=budgetEnd
if giveUp then
error(err,0)
end
pauseFor(wait)
end
end
return _3
end,
["client"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local _3={}
local _j=require("decode")
local SHAPES=_j.SHAPES
local _k=require("transport")
local base64=_k.base64
local pathId=_k.pathId
local request=_k.request
_3.Client=__TS__Class()
local Client=_3.Client
Client.name="Client"
function Client.prototype.____constructor(self,options)
self.requests=0
self.bytes=0
self.largest=0
self.url=options.url
local _e
if options.directory~=""then
_e=options.directory
else
_e=nil
end
self.directory=_e
self.encoding=options.encoding or"latin1"
self.timeout=options.timeout
if options.password~=nil and options.password~=""then
self.authHeader="Basic ".. base64(((options.username or"opencode")..":").. options.password)
end
end
function Client.prototype.request(self,method,path,o)
if o==nil then
o={}
end
return request(self,method,path,o)
end
function Client.prototype.sessionPath(self,id,rest)
if rest==nil then
rest=""
end
return("/session/".. pathId("ses",id)).. rest
end
function Client.prototype.health(self,deadline)
return self:request("GET","/global/health",{shape=SHAPES.health,deadline=deadline})
end
function Client.prototype.sessions(self,deadline,filter)
local query={}
if(filter and filter.search)~=nil then
query.search=filter.search
end
if(filter and filter.roots)~=nil then
query.roots=tostring(filter.roots)
end
if(filter and filter.limit)~=nil then
query.limit=filter.limit
end
local list=self:request("GET","/session",{query=query,shape={SHAPES.session},deadline=deadline})
table.sort(
list,
function(a,b)return a.time.updated>b.time.updated end
)
return list
end
function Client.prototype.session(self,id,deadline)
return self:request(
"GET",
self:sessionPath(id),
{shape=SHAPES.session,deadline=deadline}
)
end
function Client.prototype.createSession(self,title,parentID,deadline)
if parentID~=nil then
pathId("ses",parentID)
end
return self:request("POST","/session",{body={title=title,parentID=parentID},shape=SHAPES.session,deadline=deadline})
end
function Client.prototype.deleteSession(self,id)
return self:request(
"DELETE",
self:sessionPath(id),
{shape=SHAPES.boolean}
)
end
function Client.prototype.abort(self,id,timeout,deadline)
return self:request(
"POST",
self:sessionPath(id,"/abort"),
{timeout=timeout,deadline=deadline,shape=SHAPES.boolean}
)
end
function Client.prototype.messages(self,id,limit,deadline)
return self:request(
"GET",
self:sessionPath(id,"/message"),
{query=limit~=nil and({limit=limit})or nil,shape={SHAPES.message},deadline=deadline}
)
end
function Client.prototype.message(self,id,messageID,deadline)
return self:request(
"GET",
self:sessionPath(
id,
"/message/".. pathId("msg",messageID)
),
{shape=SHAPES.message,deadline=deadline}
)
end
function Client.prototype.prompt(self,id,body,timeout,deadline)
pathId("msg",body.messageID)
return self:request(
"POST",
self:sessionPath(id,"/message"),
{body=body,timeout=timeout,deadline=deadline,shape=SHAPES.message}
)
end
function Client.prototype.promptAsync(self,id,body,deadline)
pathId("msg",body.messageID)
self:request(
"POST",
self:sessionPath(id,"/prompt_async"),
{body=body,deadline=deadline}
)
end
function Client.prototype.status(self,deadline)
return self:request("GET","/session/status",{shape=SHAPES.status,deadline=deadline})
end
function Client.prototype.agents(self,deadline)
return self:request("GET","/agent",{shape={SHAPES.agent},deadline=deadline})
end
function Client.prototype.providers(self,deadline)
return self:request("GET","/config/providers",{shape=SHAPES.providers,deadline=deadline})
end
function Client.prototype.permissions(self,deadline)
return self:request("GET","/permission",{shape={SHAPES.permission},deadline=deadline})
end
function Client.prototype.replyPermission(self,requestID,reply,message,deadline)
return self:request(
"POST",
("/permission/".. pathId("per",requestID)).."/reply",
{body={reply=reply,message=message},shape=SHAPES.boolean,deadline=deadline}
)
end
function Client.prototype.questions(self,deadline)
return self:request("GET","/question",{shape={SHAPES.question},deadline=deadline})
end
function Client.prototype.replyQuestion(self,requestID,answers,deadline)
return self:request(
"POST",
("/question/".. pathId("que",requestID)).."/reply",
{body={answers=answers},shape=SHAPES.boolean,deadline=deadline}
)
end
function Client.prototype.rejectQuestion(self,requestID,deadline)
return self:request(
"POST",
("/question/".. pathId("que",requestID)).."/reject",
{shape=SHAPES.boolean,deadline=deadline}
)
end
function Client.prototype.appendPrompt(self,text)
return self:request("POST","/tui/append-prompt",{body={text=text},shape=SHAPES.boolean})
end
function Client.prototype.submitPrompt(self)
return self:request("POST","/tui/submit-prompt",{shape=SHAPES.boolean})
end
function Client.prototype.clearPrompt(self)
return self:request("POST","/tui/clear-prompt",{shape=SHAPES.boolean})
end
function Client.prototype.openHelp(self)
return self:request("POST","/tui/open-help",{shape=SHAPES.boolean})
end
function Client.prototype.openSessions(self)
return self:request("POST","/tui/open-sessions",{shape=SHAPES.boolean})
end
function Client.prototype.openThemes(self)
return self:request("POST","/tui/open-themes",{shape=SHAPES.boolean})
end
function Client.prototype.openModels(self)
return self:request("POST","/tui/open-models",{shape=SHAPES.boolean})
end
function Client.prototype.executeCommand(self,command)
return self:request("POST","/tui/execute-command",{body={command=command},shape=SHAPES.boolean})
end
function Client.prototype.showToast(self,message,options)
return self:request("POST","/tui/show-toast",{body={message=message,title=options and options.title,duration=options and options.duration,variant=options and options.variant or"info"},shape=SHAPES.boolean})
end
function Client.prototype.controlNext(self,timeout)
return self:request(
"GET",
"/tui/control/next",
{
timeout=timeout,
deadline=timeout~=nil and os.epoch("utc")+timeout*1000 or nil,
shape=SHAPES.control
}
)
end
function Client.prototype.controlResponse(self,body)
return self:request("POST","/tui/control/response",{body=body,shape=SHAPES.boolean})
end
return _3
end,
["catalog"]=function(...)
local _3={}
local _6=require("errors")
local fail=_6.fail
local TTL_MS=60000
local agentCache={}
local providerCache={}
local function cacheKey(client)
return(client.url .."|")..(client.directory or"")
end
local function cached(cache,client,load)
local key=cacheKey(client)
local hit=cache[key]
local now=os.epoch("utc")
if hit~=nil and now-hit.at<TTL_MS then
return hit.value
end
local value=load()
cache[key]={at=now,value=value}
return value
end
function _3.listAgents(client,deadline)
return cached(
agentCache,
client,
function()return client:agents(deadline)end
)
end
function _3.listProviders(client,deadline)
return cached(
providerCache,
client,
function()return client:providers(deadline)end
)
end
function _3.agentNames(client)
local names={}
for ____,a in ipairs(_3.listAgents(client))do
if a.mode~="subagent"and a.hidden~=true then
names[#names+1]=a.name
end
end
table.sort(names)
return names
end
function _3.modelNames(client)
local names={}
for ____,p in ipairs(_3.listProviders(client).providers)do
for id in pairs(p.models)do
names[#names+1]=(p.id .."/").. tostring(id)
end
end
table.sort(names)
return names
end
function _3.checkAgent(client,name,deadline)
for ____,a in ipairs(_3.listAgents(client,deadline))do
if a.name==name then
return
end
end
fail(
"unknown_agent",
(("Agent not found: \"".. name).."\". Available agents: ").. table.concat(
_3.agentNames(client),
", "
)
)
end
function _3.checkModel(client,model,deadline)
local providerID,modelID=string.match(model,"^([^/]+)/(.+)$")
if providerID==nil or modelID==nil then
return fail("unknown_model",("\"".. model).."\" is not provider/model.")
end
local providers=_3.listProviders(client,deadline).providers
local ids={}
for ____,p in ipairs(providers)do
ids[#ids+1]=p.id
if p.id==providerID then
if p.models[modelID]~=nil then
return{providerID=providerID,modelID=modelID}
end
local models={}
for id in pairs(p.models)do
models[#models+1]=id
end
table.sort(models)
return fail(
"unknown_model",
(((("Model not found: ".. model)..". Models of ").. providerID)..": ").. table.concat(models,", ")
)
end
end
return fail(
"unknown_model",
(("Provider not found: ".. providerID)..". Available providers: ").. table.concat(ids,", ")
)
end
return _3
end,
["status"]=function(...)
local _3={}
local _d=require("pause")
local waitEvent=_d.waitEvent
local STATUS_EVENT="opencc_status"
local fetches={}
local waiting=0
function _3.sessionStatuses(client,deadline,since)
local key=(client.url .."|")..(client.directory or"")
local shared=fetches[key]
if shared~=nil and shared.startedAt>=since then
while not shared.done do
waiting=waiting+1
local ok,came=pcall(waitEvent,STATUS_EVENT,deadline)
waiting=waiting-1
if not ok then
error(came,0)
end
if not came then
break
end
end
if shared.value~=nil then
return shared.value
end
end
local fetch={
startedAt=os.epoch("utc"),
done=false
}
fetches[key]=fetch
local ok,value=pcall(function()return client:status(deadline)end)
fetch.done=true
if ok then
fetch.value=value
end
if waiting>0 then
os.queueEvent(STATUS_EVENT)
end
if not ok then
error(value,0)
end
return value
end
return _3
end,
["crowd"]=function(...)
local _3={}
local _l=require("status")
local sessionStatuses=_l.sessionStatuses
local CROWD=3
local LOOK_EVERY=6
local waits=0
function _3.joinCrowd()
waits=waits+1
local left=false
return function()
if not left then
waits=waits-1
end
left=true
end
end
function _3.crowded()
return waits>=CROWD
end
local function tickMs(interval)
return math.max(
math.floor(interval*1000),
50
)
end
function _3.toNextTick(interval)
local ms=tickMs(interval)
return(ms-os.epoch("utc")%ms)/1000
end
function _3.worthALook(client,sessionID,deadline,interval,lastLook)
local now=os.epoch("utc")
if now-lastLook>=LOOK_EVERY*interval*1000 then
return true
end
local ms=tickMs(interval)
local status=sessionStatuses(client,deadline,now-now%ms)[sessionID]
return status==nil or status.type~="busy"
end
return _3
end,
["replytypes"]=function(...)
local _3={}
return _3
end,
["queue"]=function(...)
local _4=require("lualib_bundle")
local __TS__ArrayIndexOf=_4.__TS__ArrayIndexOf
local __TS__ArraySplice=_4.__TS__ArraySplice
local _3={}
local _d=require("pause")
local pause=_d.pause
local waitEvent=_d.waitEvent
local _l=require("status")
local sessionStatuses=_l.sessionStatuses
local TURN_EVENT="opencc_turn"
local queues={}
local nextTicket=1
local waitingForTurn=0
function _3.withTurn(key,deadline,late,fn)
local _m=nextTicket
nextTicket=_m+1
local ticket=_m
local queue=queues[key]
if queue==nil then
queue={}
queues[key]=queue
end
local mine=queue
mine[#mine+1]=ticket
local ok,result=pcall(function()
while mine[1]~=ticket do
waitingForTurn=waitingForTurn+1
local okWait,came=pcall(waitEvent,TURN_EVENT,deadline)
waitingForTurn=waitingForTurn-1
if not okWait then
error(came,0)
end
if not came then
late()
end
end
return fn()
end)
local i=__TS__ArrayIndexOf(mine,ticket)
if i>=0 then
__TS__ArraySplice(mine,i,1)
end
if#mine==0 then
queues[key]=nil
end
if waitingForTurn>0 then
os.queueEvent(TURN_EVENT,key)
end
if not ok then
error(result,0)
end
return result
end
local STATUS_SHARE_MS=100
function _3.waitUntilIdle(client,sessionID,deadline,pollInterval,late)
local gap=pollInterval
while true do
local status=sessionStatuses(
client,
deadline,
os.epoch("utc")-STATUS_SHARE_MS
)[sessionID]
if status==nil or status.type=="idle"then
return
end
if os.epoch("utc")+gap*1000>deadline then
late()
end
pause(gap)
gap=math.min(gap*1.5,4)
end
end
return _3
end,
["pace"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local _3={}
local _n=require("crowd")
local crowded=_n.crowded
local toNextTick=_n.toNextTick
local QUICK=0.1
local EASE_AFTER=2
local SLOW_AFTER=20
_3.SAFETY=10
_3.Pace=__TS__Class()
local Pace=_3.Pace
Pace.name="Pace"
function Pace.prototype.____constructor(self,pollInterval)
self.pollInterval=pollInterval
self.quickLooks=0
end
function Pace.prototype.next(self,ending,live,silentMs,deadline)
local now=os.epoch("utc")
local gap=self.pollInterval
if live then
gap=_3.SAFETY
elseif ending then
gap=math.min(QUICK*2^self.quickLooks,gap)
self.quickLooks=self.quickLooks+1
elseif crowded()then
self.quickLooks=0
gap=toNextTick(gap)
else
self.quickLooks=0
local silent=silentMs/1000
if silent>SLOW_AFTER then
gap=gap*math.min(1+(silent-SLOW_AFTER)/SLOW_AFTER,4)
elseif silent>EASE_AFTER then
gap=gap*math.min(1+(silent-EASE_AFTER)/4,1.5)
end
end
return math.max(
math.min(gap,(deadline-now)/1000),
0.05
)
end
return _3
end,
["text"]=function(...)
local _3={}
local NEAREST={
[8216]="'",
[8217]="'",
[8218]=",",
[8219]="'",
[8242]="'",
[8220]="\"",
[8221]="\"",
[8222]="\"",
[8223]="\"",
[8243]="\"",
[171]=string.char(171),
[187]=string.char(187),
[8208]="-",
[8209]="-",
[8210]="-",
[8211]="-",
[8212]="-",
[8213]="-",
[8722]="-",
[8230]="...",
[8226]="",
[9679]="",
[8729]="",
[9702]="o",
[9642]="",
[8594]="",
[8592]="",
[8593]="",
[8595]="",
[8658]="=>",
[8596]="<->",
[9654]="",
[9658]="",
[9664]="",
[9668]="",
[9650]="",
[9660]="",
[9472]="-",
[9473]="-",
[9474]="|",
[9475]="|",
[9484]="+",
[9488]="+",
[9492]="+",
[9496]="+",
[9500]="+",
[9508]="+",
[9516]="+",
[9524]="+",
[9532]="+",
[9552]="=",
[9553]="|",
[9556]="+",
[9559]="+",
[9562]="+",
[9565]="+",
[10003]="v",
[10004]="v",
[10007]="x",
[10008]="x",
[9733]="*",
[9734]="*",
[8804]="<=",
[8805]=">=",
[8800]="!=",
[8776]="~",
[160]=" ",
[8194]=" ",
[8195]=" ",
[8201]=" ",
[8203]="",
[65279]="",
[8482]="TM",
[8364]="EUR",
[9834]="\r",
[9835]="",
[9786]="",
[9829]="",
[9830]="",
[9827]="",
[9824]="",
[183]=string.char(183)
}
local HIGH_BYTE=((("[".. string.char(128)).."-").. string.char(255)).."]"
local function decodeAt(s,i)
local c=string.byte(s,i)
if c<128 then
return c,1
end
local len
local cp
if c>=194 and c<=223 then
len,cp=2,c-192
elseif c>=224 and c<=239 then
len,cp=3,c-224
elseif c>=240 and c<=244 then
len,cp=4,c-240
else
return-1,1
end
do
local k=1
while k<len do
local cc=string.byte(s,i+k)
if cc==nil or cc<128 or cc>191 then
return-1,1
end
cp=cp*64+(cc-128)
k=k+1
end
end
return cp,len
end
function _3.toCC(s)
if(string.find(s,HIGH_BYTE))==nil then
return s
end
local out={}
local i=1
local n=#s
while i<=n do
local cp,len=decodeAt(s,i)
if cp<0 then
out[#out+1]="?"
elseif cp<128 then
out[#out+1]=string.char(cp)
else
local near=NEAREST[cp]
if near~=nil then
out[#out+1]=near
elseif cp>=160 and cp<=255 then
out[#out+1]=string.char(cp)
elseif cp>=127995 and cp<=127999 then
out[#out+1]=""
elseif cp==65039 or cp==8205 then
out[#out+1]=""
else
out[#out+1]="?"
end
end
i=i+len
end
return table.concat(out)
end
function _3.fromCC(s)
local out=string.gsub(
s,
HIGH_BYTE,
function(ch)
local c=string.byte(ch)
return string.char(
192+math.floor(c/64),
128+c%64
)
end
)
return out
end
return _3
end,
["progress"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local __TS__ObjectAssign=_4.__TS__ObjectAssign
local _3={}
local _o=require("text")
local toCC=_o.toCC
local function textOf(answers,raw)
local pieces={}
for ____,m in ipairs(answers)do
for ____,p in ipairs(m.parts)do
if p.type=="text"and p.synthetic~=true and p.text~=nil and p.text~=""then
pieces[#pieces+1]=p.text
end
end
end
local text=table.concat(pieces,"\n\n")
return raw and text or toCC(text)
end
local function toolOf(p,raw)
local state=p.state
local title=state.title~=nil and(raw and state.title or toCC(state.title))or nil
return{
tool=p.tool or"tool",
status=state.status,
title=title,
input=state.input,
error=state.error
}
end
_3.Progress=__TS__Class()
local Progress=_3.Progress
Progress.name="Progress"
function Progress.prototype.____constructor(self,callbacks,raw)
self.callbacks=callbacks
self.raw=raw
self.text=""
self.tools={}
self.toolStatus={}
end
function Progress.prototype.report(self,ordered)
local changed=false
self.runningTool=nil
for ____,m in ipairs(ordered)do
for ____,p in ipairs(m.parts)do
if p.type=="tool"and p.state~=nil and self:reportTool(p)then
changed=true
end
end
end
local text=textOf(ordered,self.raw)
if#text<#self.text and string.sub(self.text,1,#text)==text then
self.text=text
elseif text~=self.text then
local grew=string.sub(text,1,#self.text)==self.text
local delta=grew and string.sub(text,#self.text+1)or text
self.text=text
changed=true
if self.callbacks.onText~=nil then
self.callbacks.onText(delta,text)
end
end
return changed
end
function Progress.prototype.reportTool(self,p)
local before=self.toolStatus[p.id]
local now=p.state.status
if now=="running"or now=="pending"then
self.runningTool=p.tool or"tool"
end
if before==now then
return false
end
self.toolStatus[p.id]=now
local started=now=="running"and before==nil
local ended=now=="completed"or now=="error"
if ended then
local _p=self.tools
_p[#_p+1]=toolOf(p,self.raw)
end
local onTool=self.callbacks.onTool
if(started or ended)and onTool~=nil then
if ended and before==nil then
onTool(__TS__ObjectAssign(
{},
toolOf(p,self.raw),
{status="running"}
))
end
onTool(toolOf(p,self.raw))
end
return true
end
return _3
end,
["requests"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local _3={}
local _6=require("errors")
local fail=_6.fail
local _d=require("pause")
local pause=_d.pause
local function describePermission(req)
return req.permission ..(#req.patterns>0 and" ".. table.concat(req.patterns," ")or"")
end
local function beforeDeadline(deadline,timeoutLine,fn)
local result
local done=false
parallel.waitForAny(
function()
result=fn()
done=true
end,
function()
pause(math.max(
(deadline-os.epoch("utc"))/1000,
0
))
end
)
if not done then
fail("timeout",timeoutLine)
end
return result
end
_3.AgentRequests=__TS__Class()
local AgentRequests=_3.AgentRequests
AgentRequests.name="AgentRequests"
function AgentRequests.prototype.____constructor(self,client,opts)
self.client=client
self.opts=opts
self.rejected={}
self.handled={}
self.next=0
self.gap=2*opts.pollInterval
end
function AgentRequests.prototype.moved(self)
self.gap=2*self.opts.pollInterval
self.next=0
end
function AgentRequests.prototype.check(self,runningTool)
local o=self.opts
local now=os.epoch("utc")
if runningTool==nil or now<self.next then
return false
end
self.next=now+self.gap*1000
self.gap=math.min(self.gap*2,16*o.pollInterval)
local answered=false
if runningTool=="question"then
for ____,q in ipairs(self.client:questions(o.deadline))do
if q.sessionID==o.sessionID and not self.handled[q.id]then
answered=self:answerQuestion(q)
end
end
else
for ____,req in ipairs(self.client:permissions(o.deadline))do
if req.sessionID==o.sessionID and not self.handled[req.id]then
answered=self:answerPermission(req)
end
end
end
return answered
end
function AgentRequests.prototype.answerPermission(self,req)
self.handled[req.id]=true
local reply="reject"
local onPermission=self.opts.onPermission
if onPermission~=nil then
local answer=beforeDeadline(
self.opts.deadline,
self.opts.timeoutLine,
function()return onPermission(req)end
)
reply=answer==true and"once"or((answer==false or answer==nil)and"reject"or answer)
else
local _q=self.rejected
_q[#_q+1]=("permission ".. describePermission(req)).." (no onPermission handler)"
end
self.client:replyPermission(req.id,reply,nil,self.opts.deadline)
return true
end
function AgentRequests.prototype.answerQuestion(self,q)
self.handled[q.id]=true
local onQuestion=self.opts.onQuestion
local _i
if onQuestion~=nil then
_i=beforeDeadline(
self.opts.deadline,
self.opts.timeoutLine,
function()return onQuestion(q)end
)
else
_i=nil
end
local answers=_i
if answers~=nil then
self.client:replyQuestion(q.id,answers,self.opts.deadline)
else
if self.opts.onQuestion==nil then
local _r=self.rejected
local _s=q.questions[1]
_r[#_r+1]=("question \""..(_s and _s.question or"?")).."\" (no onQuestion handler)"
end
self.client:rejectQuestion(q.id,self.opts.deadline)
end
return true
end
return _3
end,
["runerrors"]=function(...)
local _3={}
local _6=require("errors")
local fail=_6.fail
local _o=require("text")
local toCC=_o.toCC
local ERROR_HINTS={MessageAbortedError=" (the reply was stopped on the server)",ProviderAuthError=" (the server's model provider refused its credentials: fix its API key on the server)",MessageOutputLengthError=" (the reply reached the model's output limit: ask for less at once)",ContextOverflowError=" (the conversation is too long for the model: start a new one)"}
function _3.failRun(err,raw)
local _t=err.data
local message=_t and _t.message
local said=message~=nil and message~=""and": "..(raw and message or toCC(message))or""
return fail("assistant",(err.name .. said)..(ERROR_HINTS[err.name]or""),{name=err.name})
end
function _3.failOvertaken(sessionID)
return fail("overtaken",("A newer message on session ".. sessionID).." (sent by another client) was answered instead of this prompt: send it again.")
end
function _3.failIdle(answer,sessionID)
if answer.newerUser then
_3.failOvertaken(sessionID)
end
if not answer.sawUserMessage then
fail("idle","The server dropped the prompt without answering (its log says why: often an unknown agent). Try again, or run ai --doctor.")
end
if answer:last()~=nil then
fail("idle","The server stopped working on the reply before it was complete (restarted?): send it again.")
end
return fail("idle","The session went idle without answering: the model may be unknown or failing on the server. Try another model, or run ai --doctor.")
end
return _3
end,
["reply"]=function(...)
local _4=require("lualib_bundle")
local __TS__Class=_4.__TS__Class
local __TS__New=_4.__TS__New
local _3={}
local _u=require("answer")
local Answer=_u.Answer
local _n=require("crowd")
local crowded=_n.crowded
local joinCrowd=_n.joinCrowd
local worthALook=_n.worthALook
local _6=require("errors")
local fail=_6.fail
local _h=require("listen")
local listen=_h.listen
local _v=require("pace")
local Pace=_v.Pace
local SAFETY=_v.SAFETY
local _w=require("progress")
local Progress=_w.Progress
local _l=require("status")
local sessionStatuses=_l.sessionStatuses
local _x=require("requests")
local AgentRequests=_x.AgentRequests
local _y=require("runerrors")
local failIdle=_y.failIdle
local failRun=_y.failRun
local _o=require("text")
local toCC=_o.toCC
local DUE_SILENCE=1500
local LONG_SILENCE=8000
_3.ReplyWaiter=__TS__Class()
local ReplyWaiter=_3.ReplyWaiter
ReplyWaiter.name="ReplyWaiter"
function ReplyWaiter.prototype.____constructor(self,client,opts)
self.client=client
self.opts=opts
self.lastChange=os.epoch("utc")
self.lastLook=0
self.started=os.epoch("utc")
self.lookNow=false
self.heardIdle=false
self.shape=""
self.nextStatus=0
self.statusGap=2000
self.idleChecks=0
self.resent=false
self.answer=__TS__New(Answer,opts.messageID)
self.progress=__TS__New(Progress,opts,opts.raw==true)
self.requests=__TS__New(AgentRequests,client,opts)
self.pace=__TS__New(Pace,opts.pollInterval)
end
function ReplyWaiter.prototype.poll(self,justSent)
if justSent==nil then
justSent=false
end
local sub=self:listen()
local leave=joinCrowd()
local ok,result=pcall(function()return self:pollWith(sub,justSent)end)
leave()
self:close()
if not ok then
error(result,0)
end
return result
end
function ReplyWaiter.prototype.listen(self)
local o=self.opts
if self.sub==nil then
self.sub=listen(o.sessionID,o.messageID,self.client.authHeader)
end
return self.sub
end
function ReplyWaiter.prototype.close(self)
local _t=self.sub
if _t~=nil then
_t.close()
end
self.sub=nil
end
function ReplyWaiter.prototype.pollWith(self,sub,justSent)
local o=self.opts
if justSent then
self:hear(sub)
end
while true do
if self:lookDue(sub)then
self:look()
end
local done=self:outcome(false)
if done~=nil then
return done
end
if os.epoch("utc")>o.deadline then
fail("timeout",o.timeoutLine)
end
if self.requests:check(self.progress.runningTool)then
self:moved()
end
local _z
if self:hearing(sub)then
_z=nil
else
_z=self:checkStatus()
end
local stopped=_z
if stopped~=nil then
return stopped
end
self:hear(sub)
end
end
function ReplyWaiter.prototype.hearing(self,sub)
return sub.live()and not self.heardIdle
end
function ReplyWaiter.prototype.lookDue(self,sub)
if not self:hearing(sub)then
return self:worthALook()
end
local since=os.epoch("utc")-math.max(self.lastLook,self.started)
return self.lookNow or since>=SAFETY*1000
end
function ReplyWaiter.prototype.hear(self,sub)
local o=self.opts
local seconds=self.pace:next(
self.answer:ending(),
self:hearing(sub),
os.epoch("utc")-self.lastChange,
o.deadline
)
local heard=sub.wait(seconds)
if heard=="nothing"then
return
end
if heard=="idle"then
self.heardIdle=true
end
if heard=="text"then
self.progress:report(sub.merge(self.answer.ordered))
else
self.lookNow=true
end
self:moved()
end
function ReplyWaiter.prototype.finish(self,last)
if last.info.parentID~=self.opts.messageID then
return self:poll()
end
if not self.answer:takeLast(last)then
while not self.answer.reachedStart do
self:look()
end
end
self.progress:report(self.answer.ordered)
local done=self:outcome(true)
return done or self:poll()
end
function ReplyWaiter.prototype.look(self)
local o=self.opts
self.lastLook=os.epoch("utc")
self.lookNow=false
self.answer:take(self.client:messages(o.sessionID,self.answer.limit,o.deadline))
while true do
local _10=not self.answer.reachedStart
if _10 then
local _11=self.answer:last()
_10=(_11 and _11.info.time.completed)~=nil
end
if not _10 then
break
end
self.answer:take(self.client:messages(o.sessionID,self.answer.limit,o.deadline))
end
local ordered=self.answer.ordered
local _12=self.progress
local _13=_12.report
local _14=self.sub
local changed=_13(
_12,
_14 and _14.merge(ordered)or ordered
)
local shape=self.answer:shape()
if changed or shape~=self.shape then
self.shape=shape
self:moved()
end
end
function ReplyWaiter.prototype.worthALook(self)
local o=self.opts
if not crowded()or self.answer:ending()or self.lastLook==0 then
return true
end
return worthALook(
self.client,
o.sessionID,
o.deadline,
o.pollInterval,
self.lastLook
)
end
function ReplyWaiter.prototype.moved(self)
self.lastChange=os.epoch("utc")
self.idleChecks=0
self.statusGap=2000
self.nextStatus=0
self.requests:moved()
end
function ReplyWaiter.prototype.outcome(self,ended)
local o=self.opts
local last=self.answer:last()
if last==nil then
return nil
end
local err=last.info.error
if err~=nil then
failRun(err,o.raw)
end
local complete=last.info.time.completed~=nil
if not complete or last.info.finish=="tool-calls"and not ended then
return nil
end
return{
text=self.progress.text,
sessionID=o.sessionID,
messageID=o.messageID,
messages=self.answer.ordered,
tools=self.progress.tools,
rejected=self.requests.rejected,
agent=last.info.agent,
model=last.info.providerID~=nil and(last.info.providerID .."/").. tostring(last.info.modelID)or nil
}
end
function ReplyWaiter.prototype.checkStatus(self)
local o=self.opts
local now=os.epoch("utc")
local last=self.answer:last()
local due=last==nil or last.info.time.completed~=nil and last.info.finish=="tool-calls"
if now-self.lastChange<(due and DUE_SILENCE or LONG_SILENCE)or now<self.nextStatus then
return nil
end
self.nextStatus=now+self.statusGap
self.statusGap=math.min(self.statusGap*2,due and 8000 or 32000)
local status=sessionStatuses(self.client,o.deadline,self.lastLook)[o.sessionID]
if status~=nil and status.type~="idle"then
self.idleChecks=0
if status.type=="retry"and o.onStatus~=nil then
o.onStatus((("retrying (attempt ".. tostring(status.attempt)).."): ")..(o.raw and status.message or toCC(status.message)))
end
return nil
end
self.idleChecks=self.idleChecks+1
if self.idleChecks<2 then
self.nextStatus=0
return nil
end
return self:idle()
end
function ReplyWaiter.prototype.idle(self)
local o=self.opts
local done=self:outcome(true)
if done~=nil then
return done
end
if self.answer:last()==nil and self.answer.sawUserMessage and not self.answer.newerUser and o.body~=nil and not self.resent then
self.resent=true
self.client:promptAsync(o.sessionID,o.body,o.deadline)
self:moved()
return nil
end
return failIdle(self.answer,o.sessionID)
end
return _3
end,
["session"]=function(...)
local _3={}
local _7=require("settingdefs")
local CONVERSATIONS_SETTING=_7.CONVERSATIONS_SETTING
local CONVERSATION_SETTING=_7.CONVERSATION_SETTING
local _5=require("ids")
local observeServerTime=_5.observeServerTime
function _3.computerTitle()
local label=os.getComputerLabel()
return("CC computer #".. tostring(os.getComputerID()))..(label~=nil and(" (".. tostring(label))..")"or"")
end
function _3.rememberedConversation(directory)
if settings==nil then
return nil
end
local _e
if directory==""then
_e=settings.get(CONVERSATION_SETTING)
else
_e=(settings.get(CONVERSATIONS_SETTING)or({}))[directory]
end
local id=_e
return type(id)=="string"and id~=""and id or nil
end
function _3.rememberConversation(id,directory)
if settings==nil then
return
end
if directory==""then
if id==nil then
settings.unset(CONVERSATION_SETTING)
else
settings.set(CONVERSATION_SETTING,id)
end
else
local all={}
local old=settings.get(CONVERSATIONS_SETTING)
if type(old)=="table"then
for dir,sid in pairs(old)do
all[dir]=sid
end
end
if id==nil then
all[directory]=nil
else
all[directory]=id
end
settings.set(CONVERSATIONS_SETTING,all)
end
settings.save()
end
function _3.createSession(client,title,parentID,deadline)
local sentAt=os.epoch("utc")
local s=client:createSession(title,parentID,deadline)
observeServerTime(
s.time.created,
sentAt,
os.epoch("utc")
)
return s
end
local function findConversation(client,fresh,deadline)
local directory=client.directory or""
if not fresh then
local remembered=_3.rememberedConversation(directory)
if remembered~=nil then
return{id=remembered,source="computer"}
end
local prefix="CC computer #".. tostring(os.getComputerID())
for ____,s in ipairs(client:sessions(deadline,{search=prefix,roots=true,limit=100}))do
local rest=string.sub(s.title,#prefix+1)
if string.sub(s.title,1,#prefix)==prefix and(rest==""or string.sub(rest,1,1)==" ")and s.parentID==nil then
_3.rememberConversation(s.id,directory)
return{id=s.id,source="computer"}
end
end
end
local id=_3.createSession(
client,
_3.computerTitle(),
nil,
deadline
).id
_3.rememberConversation(id,directory)
return{id=id,source="computer",created=true}
end
function _3.computerSession(client,fresh,deadline)
return findConversation(client,fresh,deadline).id
end
function _3.chooseSession(client,option,pinned,fresh,deadline)
if option~=nil and option~=""then
return{id=option,source="option"}
end
if pinned~=""and not fresh then
return{id=pinned,source="setting"}
end
return findConversation(client,fresh,deadline)
end
return _3
end,
["send"]=function(...)
local _4=require("lualib_bundle")
local __TS__ObjectAssign=_4.__TS__ObjectAssign
local __TS__New=_4.__TS__New
local _3={}
local _6=require("errors")
local fail=_6.fail
local toAiError=_6.toAiError
local _c=require("http")
local hostOf=_c.hostOf
local TERMINATED=_c.TERMINATED
local _15=require("reply")
local ReplyWaiter=_15.ReplyWaiter
local _16=require("session")
local computerSession=_16.computerSession
local RESENDS=2
local function mayHaveArrived(e)
if e.kind=="blocked"or e.kind=="bad_url"or e.kind=="http_disabled"then
return false
end
return e.status==nil or e.kind=="proxy"or e.status==502 or e.status==503 or e.status==504
end
local function serverHas(client,sessionID,messageID,deadline)
local ok,err=pcall(function()return client:message(sessionID,messageID,deadline)end)
if ok then
return true
end
if err==TERMINATED then
error(err,0)
end
local e=toAiError(err)
if e.status==404 then
return false
end
error(e,0)
end
local function proxyNote(client,e)
local why=e.status==504 and" (it gave up waiting)"or""
return(((("The proxy at ".. hostOf(client.url)).." answered ").. tostring(e.status)).. why)..", but the server has the prompt: waiting for its reply."
end
function _3.sendAndWait(client,chosen,body,wait,sync)
local resends=0
local replaced=false
while true do
do
local __continue11
repeat
local waiter=__TS__New(
ReplyWaiter,
client,
__TS__ObjectAssign({},wait,{sessionID=chosen.id,body=body})
)
local ok,result=pcall(function()
if sync~=nil then
return client:prompt(chosen.id,body,sync,wait.deadline)
end
waiter:listen()
client:promptAsync(chosen.id,body,wait.deadline)
return nil
end)
if ok then
return result~=nil and waiter:finish(result)or waiter:poll(true)
end
waiter:close()
if result==TERMINATED then
error(result,0)
end
local e=toAiError(result)
if e.kind=="session_gone"and chosen.source=="computer"and not replaced then
replaced=true
chosen.id=computerSession(client,true,wait.deadline)
__continue11=true
break
end
if not mayHaveArrived(e)then
error(e,0)
end
if serverHas(client,chosen.id,body.messageID,wait.deadline)then
if e.status~=nil and wait.onNote~=nil then
wait.onNote(proxyNote(client,e))
end
return waiter:poll()
end
resends=resends+1
if resends>RESENDS then
fail(
"unreachable",
("The prompt did not reach the server in ".. tostring(resends)).." tries: check the way to it (ai --doctor), then send it again."
)
end
__continue11=true
until true
if not __continue11 then
break
end
end
end
end
return _3
end,
["prompt"]=function(...)
local _4=require("lualib_bundle")
local __TS__New=_4.__TS__New
local __TS__ObjectAssign=_4.__TS__ObjectAssign
local _3={}
local sessionGoneLine,timeoutLine,abortOnStop,reworded,ABORT_TIMEOUT
local _17=require("client")
local Client=_17.Client
local _f=require("config")
local readConfig=_f.readConfig
local _6=require("errors")
local aiError=_6.aiError
local fail=_6.fail
local toAiError=_6.toAiError
local _c=require("http")
local TERMINATED=_c.TERMINATED
local _5=require("ids")
local newId=_5.newId
local serverClockKnown=_5.serverClockKnown
local _18=require("catalog")
local checkAgent=_18.checkAgent
local checkModel=_18.checkModel
local _19=require("queue")
local withTurn=_19.withTurn
local waitUntilIdle=_19.waitUntilIdle
local _15=require("reply")
local ReplyWaiter=_15.ReplyWaiter
local _1a=require("send")
local sendAndWait=_1a.sendAndWait
local _16=require("session")
local chooseSession=_16.chooseSession
function sessionGoneLine(chosen)
if chosen.source=="setting"then
return("Session ".. chosen.id).." in opencc.session_id no longer exists on the server: pick another (ai --sessions) and set opencc.session_id to it, or set it to \"\" to use this computer's own conversation."
end
return("Session ".. chosen.id).." not found on the server (deleted, or the server's data was wiped)."
end
function timeoutLine(seconds)
return("No complete reply within ".. tostring(seconds)).." s (opencc.timeout), so the generation was stopped on the server. Raise opencc.timeout for long tasks."
end
function abortOnStop(client,chosen,wait)
local ok,result=pcall(wait)
if ok then
return result
end
if result==TERMINATED or toAiError(result).kind=="timeout"then
pcall(function()return client:abort(chosen.id,ABORT_TIMEOUT)end)
end
error(result,0)
end
function reworded(result,started,deadline,timeout,chosen)
if result==TERMINATED then
return TERMINATED
end
local e=toAiError(result)
if e.kind=="timeout"and started and os.epoch("utc")>=deadline-1000 then
return aiError(
"timeout",
timeoutLine(timeout),
{status=e.status,name=e.name}
)
end
if e.kind=="session_gone"and chosen~=nil then
return aiError(
"session_gone",
sessionGoneLine(chosen),
{status=e.status,name=e.name}
)
end
return e
end
local BLOCKING_TIMEOUT=58
ABORT_TIMEOUT=5
function _3.clientFromConfig(cfg,utf8)
return __TS__New(Client,{
url=cfg.url,
username=cfg.username,
password=cfg.password,
directory=cfg.directory,
encoding=utf8 and"utf8"or"latin1"
})
end
local function promptBody(prompt,opts,cfg,client,deadline)
local agent=opts.agent or(cfg.agent~=""and cfg.agent or nil)
local modelName=opts.model or(cfg.model~=""and cfg.model or nil)
if agent~=nil then
checkAgent(client,agent,deadline)
end
local model
if modelName~=nil then
model=checkModel(client,modelName,deadline)
end
return{
messageID="",
parts={{type="text",text=prompt}},
agent=agent,
model=model,
variant=opts.variant or(cfg.variant~=""and cfg.variant or nil),
system=opts.system
}
end
function _3.runPrompt(prompt,opts)
local cfg=readConfig()
local client=opts.client or _3.clientFromConfig(cfg,opts.utf8)
local timeout=opts.timeout or cfg.timeout
local deadline=os.epoch("utc")+timeout*1000
local body=promptBody(
prompt,
opts,
cfg,
client,
deadline
)
local fresh=opts.newSession==true
local named=opts.session~=nil and opts.session~=""and opts.session or nil
local pinned=cfg.sessionId~=""and not fresh and cfg.sessionId or nil
local key=(((client.url .."|")..(client.directory or"")).."|")..(named or pinned or"this computer")
local chosen
local started=false
local ok,result=pcall(function()return withTurn(
key,
deadline,
function()return fail(
"timeout",
("This computer's earlier prompts to the session took all of ".. tostring(timeout)).." s (opencc.timeout): this one was not sent. Send it again."
)end,
function()
local session=chooseSession(
client,
opts.session,
cfg.sessionId,
fresh,
deadline
)
chosen=session
if session.created~=true then
waitUntilIdle(
client,
session.id,
deadline,
cfg.pollInterval,
function()return fail(
"timeout",
((("Session ".. session.id).." stayed busy with another client's prompt for ").. tostring(timeout)).." s (opencc.timeout): this one was not sent. Send it again later, or start a new conversation (ai -n)."
)end
)
end
if not serverClockKnown()then
client:health(deadline)
end
body.messageID=newId("msg")
body.parts[1].id=newId("prt")
started=true
local sync=opts.sync==true and math.min(opts.syncTimeout or BLOCKING_TIMEOUT,60)or nil
local wait=__TS__ObjectAssign(
{},
opts,
{
sessionID=session.id,
messageID=body.messageID,
deadline=deadline,
timeoutLine=timeoutLine(timeout),
pollInterval=cfg.pollInterval,
raw=opts.raw
}
)
return abortOnStop(
client,
session,
function()return sendAndWait(
client,
session,
body,
wait,
sync
)end
)
end
)end)
if ok then
return result
end
error(
reworded(
result,
started,
deadline,
timeout,
chosen
),
0
)
end
function _3.waitForMessage(sessionID,messageID,opts)
local cfg=readConfig()
local client=opts.client or _3.clientFromConfig(cfg,opts.utf8)
local timeout=opts.timeout or cfg.timeout
local deadline=os.epoch("utc")+timeout*1000
local chosen={id=sessionID,source="option"}
local waiter=__TS__New(
ReplyWaiter,
client,
__TS__ObjectAssign(
{},
opts,
{
sessionID=sessionID,
messageID=messageID,
deadline=deadline,
timeoutLine=timeoutLine(timeout),
pollInterval=cfg.pollInterval,
raw=opts.raw
}
)
)
local ok,result=pcall(function()return abortOnStop(
client,
chosen,
function()return waiter:poll()end
)end)
if ok then
return result
end
error(
reworded(
result,
true,
deadline,
timeout,
chosen
),
0
)
end
return _3
end,
["jobs"]=function(...)
local _4=require("lualib_bundle")
local __TS__Unpack=_4.__TS__Unpack
local _3={}
local _6=require("errors")
local toAiError=_6.toAiError
local _1b=require("prompt")
local runPrompt=_1b.runPrompt
_3.DONE_EVENT="ai_done"
local nextJobId=1
local running={}
local function finish(r,ok,value)
local job=r.job
if ok then
local reply=value
job.status="done"
job.reply=reply
job.text=reply.text
else
local err=toAiError(value)
job.status="failed"
job.err=err
job.error=err.message
end
os.queueEvent(_3.DONE_EVENT,job.id,ok)
end
local function resume(r,args)
local ok,value=coroutine.resume(
r.co,
__TS__Unpack(args)
)
if coroutine.status(r.co)=="dead"then
do
local i=#running
while i>=1 do
if running[i]==r then
table.remove(running,i)
end
i=i-1
end
end
finish(r,ok,value)
else
r.filter=value
end
end
function _3.submit(prompt,opts)
if opts==nil then
opts={}
end
local _1c=nextJobId
nextJobId=_1c+1
local job={id=_1c,status="running",prompt=prompt}
local r={
job=job,
co=coroutine.create(function()return runPrompt(prompt,opts)end)
}
running[#running+1]=r
resume(r,{})
return job
end
function _3.handle(...)
local event={...}
local name=event[1]
for ____,r in ipairs({__TS__Unpack(running)})do
if r.filter==nil or r.filter==name or name=="terminate"then
resume(r,event)
end
end
end
local function pump(____until)
local terminated=false
while not ____until()and not(terminated and#running==0)do
do
local __continue18
repeat
local event={os.pullEventRaw()}
if event[1]=="terminate"then
if terminated then
__continue18=true
break
end
terminated=true
end
_3.handle(__TS__Unpack(event))
__continue18=true
until true
if not __continue18 then
break
end
end
end
if terminated then
error("Terminated",0)
end
end
function _3.wait(job)
pump(function()return job.status~="running"end)
if job.status=="done"then
return job.text,job.reply
end
return nil,job.error,job.err
end
function _3.run()
pump(function()return false end)
end
return _3
end,
["modules"]=function(...)
local _3={}
local _1d=require("core")
local core=_1d.core
local version=_1d.version
local _6=require("errors")
local fail=_6.fail
local BRIDGE_MODULE="libai_bridge"
local REINSTALL="run the opencc installer again (wget run <url>/install.lua)"
local bridge
function _3.bridgeEntry()
local ok,entry=pcall(require,BRIDGE_MODULE)
if ok and type(entry)=="table"then
return entry
end
local why=tostring(entry)
if not ok and(string.find(why,("module '".. BRIDGE_MODULE).."' not found",1,true))~=nil then
return nil,(BRIDGE_MODULE ..".lua is not installed beside libai.lua: ").. REINSTALL
end
local first=string.match(why,"^[^\n]*")
return nil,(((BRIDGE_MODULE ..".lua does not load (")..(first or why)).."): ").. REINSTALL
end
function _3.bridgeModule()
if bridge~=nil then
return bridge
end
local entry,why=_3.bridgeEntry()
if entry==nil then
return fail("not_installed",why)
end
if entry.version~=version then
fail("not_installed",(((((BRIDGE_MODULE ..".lua is version ").. entry.version)..", libai ").. version)..": ").. REINSTALL)
end
bridge=entry.attach(core)
return bridge
end
return _3
end,
["index"]=function(...)
local _4=require("lualib_bundle")
local __TS__New=_4.__TS__New
local _3={}
local _17=require("client")
local Client=_17.Client
local _f=require("config")
local warningFor=_f.plainHttpWarning
local readConfig=_f.readConfig
local _7=require("settingdefs")
local defineSettings=_7.defineSettings
local SETTINGS=_7.SETTINGS
local _6=require("errors")
local toAiError=_6.toAiError
local _c=require("http")
local checkAllowed=_c.checkAllowed
local TERMINATED=_c.TERMINATED
local _5=require("ids")
local newId=_5.newId
local _18=require("catalog")
local agentNames=_18.agentNames
local checkAgent=_18.checkAgent
local checkModel=_18.checkModel
local modelNames=_18.modelNames
local _1b=require("prompt")
local clientFromConfig=_1b.clientFromConfig
local runPrompt=_1b.runPrompt
local waitForMessage=_1b.waitForMessage
local _16=require("session")
local computerSession=_16.computerSession
local rememberConversation=_16.rememberConversation
local rememberedConversation=_16.rememberedConversation
local _o=require("text")
local fromCC=_o.fromCC
local toCC=_o.toCC
local _1e=require("jobs")
local DONE_EVENT=_1e.DONE_EVENT
local handle=_1e.handle
local run=_1e.run
local submitJob=_1e.submit
local wait=_1e.wait
local _0=require("modules")
local bridgeEntry=_0.bridgeEntry
local bridgeModule=_0.bridgeModule
function _3.protect(fn)
local ok,result=pcall(fn)
if ok then
return result
end
if result==TERMINATED then
error("Terminated",0)
end
local err=toAiError(result)
return nil,err.message,err
end
do
local _1d=require("core")
_3.version=_1d.version
end
local hasExpect,expectModule=pcall(require,"cc.expect")
local expect=hasExpect and expectModule.expect or(function()return nil end)
defineSettings()
local function answered(ok,result)
if ok then
return result.text,result
end
if result==TERMINATED then
error("Terminated",0)
end
local err=toAiError(result)
return nil,err.message,err
end
function _3.ask(prompt,opts)
if opts==nil then
opts={}
end
expect(1,prompt,"string")
expect(2,opts,"table","nil")
local ok,result=pcall(runPrompt,prompt,opts)
return answered(ok,result)
end
function _3.submit(prompt,opts)
if opts==nil then
opts={}
end
expect(1,prompt,"string")
expect(2,opts,"table","nil")
return submitJob(prompt,opts)
end
_3.wait=wait
_3.run=run
_3.handle=handle
_3.doneEvent=DONE_EVENT
function _3.waitFor(sessionID,messageID,opts)
if opts==nil then
opts={}
end
expect(1,sessionID,"string")
expect(2,messageID,"string")
expect(3,opts,"table","nil")
local ok,result=pcall(waitForMessage,sessionID,messageID,opts)
return answered(ok,result)
end
function _3.client(options)
expect(1,options,"table","nil")
local _1f=readConfig
local _e
if options==nil then
_e=nil
else
_e={url=options.url,username=options.username,password=options.password,directory=options.directory}
end
local cfg=_1f(_e)
if options==nil then
return clientFromConfig(cfg)
end
return __TS__New(Client,{
url=cfg.url,
username=cfg.username,
password=cfg.password,
directory=cfg.directory,
encoding=options.encoding,
timeout=options.timeout
})
end
function _3.config()
return readConfig()
end
function _3.checkUrl(url)
expect(1,url,"string","nil")
return _3.protect(function()
checkAllowed(url or readConfig().url)
return true
end)
end
function _3.plainHttpWarning(url,password)
if url==nil or password==nil then
local ok,cfg=pcall(readConfig)
if not ok then
return nil
end
url=url or cfg.url
password=password or cfg.password
end
return warningFor(url,password)
end
_3.settingNames={}
for ____,s in ipairs(SETTINGS)do
local _1g=_3.settingNames
_1g[#_1g+1]=s.name
end
_3.toCC=toCC
_3.fromCC=fromCC
_3.newId=newId
_3.agents=agentNames
_3.models=modelNames
function _3.checkNames(c,agent,model)
expect(2,agent,"string","nil")
expect(3,model,"string","nil")
return _3.protect(function()
if agent~=nil then
checkAgent(c,agent)
end
if model~=nil then
checkModel(c,model)
end
return true
end)
end
function _3.conversation(c,fresh)
return computerSession(c,fresh==true)
end
local function settingsDirectory()
local ok,cfg=pcall(readConfig)
return ok and cfg.directory or""
end
function _3.sessionInUse(session)
expect(1,session,"string","nil")
if session~=nil and session~=""then
return session
end
local ok,cfg=pcall(readConfig)
if ok and cfg.sessionId~=""then
return cfg.sessionId
end
return rememberedConversation(ok and cfg.directory or"")
end
function _3.forgetConversation(id)
expect(1,id,"string","nil")
local directory=settingsDirectory()
if id==nil or rememberedConversation(directory)==id then
rememberConversation(nil,directory)
end
end
function _3.bridge(opts)
return _3.protect(function()return bridgeModule().connectBridge(opts)end)
end
function _3.serve(opts)
local ok,result=pcall(function()return bridgeModule().serveBridge(opts)end)
if not ok and result==TERMINATED then
error("Terminated",0)
end
local err=toAiError(result)
return nil,err.message,err
end
function _3.bridgeVersion()
local entry,why=bridgeEntry()
if entry~=nil then
return entry.version
end
return nil,why
end
return _3
end,
}
local _1h=...
if type(_1h)=="table"then return require end
return require("index",...)
